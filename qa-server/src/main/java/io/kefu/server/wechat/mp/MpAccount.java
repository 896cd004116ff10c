package io.kefu.server.wechat.mp;

import io.kefu.server.wechat.SharedAccessTokens;
import io.kefu.server.wechat.WechatProperties;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Official Account this server answers for, from {@code kefu.wechat.mp} (the environment): WxJava's client and
 * configuration, or nothing when the settings are missing, which the start-up log says.
 */
@Component
class MpAccount {

    private static final Logger log = LoggerFactory.getLogger(MpAccount.class);

    private final WechatProperties.Mp settings;
    private final SharedTokenMpService.Config config;
    private final WxMpService service;

    MpAccount(WechatProperties properties, SharedAccessTokens tokens) {
        this.settings = properties.mp();
        if (!settings.configured()) {
            log.info("WeChat Official Account channel (/wechat/mp) is off: set{}", settings.missing());
            this.config = null;
            this.service = null;
            return;
        }
        config = new SharedTokenMpService.Config();
        config.setAppId(settings.appId());
        config.setSecret(settings.secret());
        config.setToken(settings.token());
        if (!settings.aesKey().isBlank()) config.setAesKey(settings.aesKey());
        config.setUseStableAccessToken(true);
        if (!settings.apiHost().isBlank()) {
            var hosts = new WxMpHostConfig();
            hosts.setApiHost(settings.apiHost());
            config.setHostConfig(hosts);
        }
        service = new SharedTokenMpService(config, tokens);
        log.info("WeChat Official Account channel (/wechat/mp) is on for app {}{}", settings.appId(),
                settings.aesKey().isBlank() ? " (plaintext mode only: no KEFU_WECHAT_MP_AES_KEY)" : "");
    }

    boolean on() {
        return service != null;
    }

    WechatProperties.Mp settings() {
        return settings;
    }

    WxMpConfigStorage config() {
        return config;
    }

    WxMpService service() {
        return service;
    }
}
