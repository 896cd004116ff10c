package io.kefu.server.wechat.mp;

import io.kefu.server.wechat.SharedAccessTokens;
import me.chanjar.weixin.common.bean.WxAccessToken;
import me.chanjar.weixin.common.enums.WxType;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

import java.time.Duration;
import java.time.Instant;

/**
 * WxJava's Official Account client with the access token shared by every node ({@link SharedAccessTokens}) instead
 * of fetched by each. The node keeps a copy until it nears expiry; when WeChat refuses it (40001, 42001) WxJava
 * expires the copy and tries once more, and that once takes a newer token from the database, or fetches one.
 */
final class SharedTokenMpService extends WxMpServiceImpl {

    private final SharedAccessTokens tokens;

    SharedTokenMpService(Config config, SharedAccessTokens tokens) {
        this.tokens = tokens;
        setWxMpConfigStorage(config);
        // WeChat's "system busy" (-1) is retried by WxJava: briefly, since an agent waits for the answer
        setRetrySleepMillis(200);
        setMaxRetryTimes(2);
    }

    @Override
    public String getAccessToken(boolean forceRefresh) throws WxErrorException {
        WxMpConfigStorage storage = getWxMpConfigStorage();
        Config config = (Config) storage;
        if (!forceRefresh && !config.isAccessTokenExpired()) return config.getAccessToken();
        String rejected = forceRefresh ? config.getAccessToken() : config.takeRejected();
        try {
            SharedAccessTokens.Token token = tokens.current(config.getAppId(), rejected, this::fetch);
            long seconds = Duration.between(Instant.now(), token.expiresAt()).toSeconds();
            config.keep(token.value(), seconds);
            return token.value();
        } catch (SharedAccessTokens.FetchFailed e) {
            if (e.getCause() instanceof WxErrorException wx) throw wx;
            throw new WxErrorException(e);
        }
    }

    private SharedAccessTokens.Token fetch(boolean forceRefresh) throws Exception {
        String response = getWxMpConfigStorage().isStableAccessToken()
                ? doGetStableAccessTokenRequest(forceRefresh) : doGetAccessTokenRequest();
        WxError error = WxError.fromJson(response, WxType.MP);
        if (error.getErrorCode() != 0) throw new WxErrorException(error);
        WxAccessToken token = WxAccessToken.fromJson(response);
        return new SharedAccessTokens.Token(token.getAccessToken(),
                Instant.now().plusSeconds(token.getExpiresIn()));
    }

    /** This node's copy of the shared token; remembers the token WeChat refused, never to be taken again. */
    static final class Config extends WxMpDefaultConfigImpl {

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

        /** Keeps the token until {@link SharedAccessTokens#MARGIN} before it expires (checked there, again). */
        void keep(String token, long secondsLeft) {
            setAccessToken(token);
            setExpiresTime(System.currentTimeMillis() + Math.max(0, secondsLeft - 300) * 1000);
        }

        @Override
        public String toString() { // WxJava's toString would print the secret and token
            return "Config[appId=" + getAppId() + "]";
        }
    }
}
