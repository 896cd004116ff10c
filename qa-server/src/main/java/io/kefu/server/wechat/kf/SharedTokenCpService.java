package io.kefu.server.wechat.kf;

import io.kefu.server.wechat.SharedAccessTokens;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;

import java.time.Instant;

/**
 * WxJava's WeCom client with the access token shared by every node ({@link SharedAccessTokens}), as for the
 * Official Account: a node fetches one only under the app's lock, and never overwrites a newer one.
 */
final class SharedTokenCpService extends WxCpServiceImpl {

    private final SharedAccessTokens tokens;
    private final Config config;

    SharedTokenCpService(Config config, SharedAccessTokens tokens) {
        this.tokens = tokens;
        this.config = config;
        setWxCpConfigStorage(config);
        setRetrySleepMillis(200);
        setMaxRetryTimes(2);
    }

    @Override
    public String getAccessToken(boolean forceRefresh) throws WxErrorException {
        if (!forceRefresh && !config.isAccessTokenExpired()) return config.getAccessToken();
        String rejected = forceRefresh ? config.getAccessToken() : config.takeRejected();
        try {
            SharedAccessTokens.Token token = tokens.current("kf:" + config.getCorpId(), rejected, force -> {
                String fresh = super.getAccessToken(true); // WeCom's gettoken: a new token each time
                return new SharedAccessTokens.Token(fresh, Instant.ofEpochMilli(config.getExpiresTime()).plusSeconds(200));
            });
            config.keep(token.value(), token.expiresAt());
            return token.value();
        } catch (SharedAccessTokens.FetchFailed e) {
            if (e.getCause() instanceof WxErrorException wx) throw wx;
            throw new WxErrorException(e);
        }
    }

    /** This node's copy of the shared token; remembers the token WeCom refused, never to be taken again. */
    static final class Config extends WxCpDefaultConfigImpl {

        private volatile String rejected;

        @Override
        public void expireAccessToken() {
            rejected = getAccessToken();
            super.expireAccessToken();
        }

        String takeRejected() {
            String refused = rejected;
            rejected = null;
            return refused;
        }

        void keep(String token, Instant expiresAt) {
            setAccessToken(token);
            setExpiresTime(expiresAt.toEpochMilli() - SharedAccessTokens.MARGIN_MILLIS);
        }

        @Override
        public String toString() { // WxJava's would print the secret
            return "Config[corpId=" + getCorpId() + "]";
        }
    }
}
