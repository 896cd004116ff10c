package io.kefu.server.wechat.kf;

import io.kefu.server.wechat.SharedAccessTokens;
import io.kefu.server.wechat.WechatProperties;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.config.WxCpConfigStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The WeCom corp whose customer-service accounts (微信客服) this server answers for, from {@code kefu.wechat.kf}
 * (the environment): WxJava's client and configuration, or nothing when the settings are missing, which the
 * start-up log says.
 */
@Component
class KfAccount {

    private static final Logger log = LoggerFactory.getLogger(KfAccount.class);

    private final WechatProperties.Kf settings;
    private final SharedTokenCpService.Config config;
    private final WxCpService service;

    KfAccount(WechatProperties properties, SharedAccessTokens tokens) {
        this.settings = properties.kf();
        if (!settings.configured()) {
            log.info("WeCom customer service channel (/wechat/kf) is off: set{}", settings.missing());
            this.config = null;
            this.service = null;
            return;
        }
        config = new SharedTokenCpService.Config();
        config.setCorpId(settings.corpId());
        config.setCorpSecret(settings.secret());
        config.setToken(settings.token());
        config.setAesKey(settings.aesKey());
        if (!settings.apiUrl().isBlank()) config.setBaseApiUrl(settings.apiUrl());
        service = new SharedTokenCpService(config, tokens);
        log.info("WeCom customer service channel (/wechat/kf) is on for corp {}", settings.corpId());
    }

    boolean on() {
        return service != null;
    }

    WechatProperties.Kf settings() {
        return settings;
    }

    WxCpConfigStorage config() {
        return config;
    }

    WxCpService service() {
        return service;
    }
}
