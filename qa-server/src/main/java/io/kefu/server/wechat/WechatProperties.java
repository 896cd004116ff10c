package io.kefu.server.wechat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * The WeChat channels, under {@code kefu.wechat} (docs/wechat.md). The app ids, secrets, tokens and AES keys come
 * from the environment only; a channel whose settings are missing stays off and says so at start-up.
 *
 * @param mp the Official Account (公众号)
 * @param kf WeCom customer service (微信客服)
 */
@ConfigurationProperties(prefix = "kefu.wechat")
public record WechatProperties(@DefaultValue Mp mp, @DefaultValue Kf kf) {

    /**
     * @param appId         {@code KEFU_WECHAT_MP_APP_ID}
     * @param secret        {@code KEFU_WECHAT_MP_SECRET}, the AppSecret
     * @param token         {@code KEFU_WECHAT_MP_TOKEN}, the Token entered with the server URL
     * @param aesKey        {@code KEFU_WECHAT_MP_AES_KEY}, the EncodingAESKey; needed for the safe mode only
     * @param apiHost       WeChat's API host, e.g. {@code https://api.weixin.qq.com}; empty for WeChat's own (tests
     *                      and the simulator point it elsewhere)
     * @param passiveBudget how long a reply may take to go in the HTTP response; WeChat waits 5 s, then retries
     * @param workers       threads answering messages, so that a slow reply does not hold the HTTP response
     * @param menu          what each menu button's key ({@code CLICK} events) sends, as if the follower typed it: a
     *                      standard question or an intent phrase such as 转人工
     */
    public record Mp(@DefaultValue("") String appId, @DefaultValue("") String secret, @DefaultValue("") String token,
                     @DefaultValue("") String aesKey, @DefaultValue("") String apiHost,
                     @DefaultValue("4s") Duration passiveBudget, @DefaultValue("16") int workers,
                     @DefaultValue Map<String, String> menu) {

        public Mp {
            menu = Map.copyOf(menu);
            if (workers < 1) throw new IllegalArgumentException("kefu.wechat.mp.workers must be positive");
        }

        /** Whether the channel is on: app id, secret and token set. */
        public boolean configured() {
            return !appId.isBlank() && !secret.isBlank() && !token.isBlank();
        }

        /** The names of the missing environment variables, for the start-up log. */
        public String missing() {
            return absent("KEFU_WECHAT_MP_APP_ID", appId) + absent("KEFU_WECHAT_MP_SECRET", secret)
                    + absent("KEFU_WECHAT_MP_TOKEN", token);
        }

        @Override
        public String toString() { // never the secret, token or key, whoever logs this
            return "Mp[appId=" + appId + ", configured=" + configured() + ", apiHost=" + apiHost + "]";
        }
    }

    /**
     * @param corpId  {@code KEFU_WECHAT_KF_CORP_ID}, the WeCom corp id
     * @param secret  {@code KEFU_WECHAT_KF_SECRET}, the secret of 微信客服
     * @param token   {@code KEFU_WECHAT_KF_TOKEN}, the callback Token
     * @param aesKey  {@code KEFU_WECHAT_KF_AES_KEY}, the callback EncodingAESKey (WeCom always encrypts)
     * @param apiUrl  WeCom's API base URL; empty for WeCom's own
     * @param servicer a WeCom member's userid the session is moved to ({@code transServiceState}, 由人工接待) while an
     *                 agent serves it; empty keeps it with the API (由智能助手接待), the only state in which WeCom lets
     *                 {@code send_msg} carry the agents' replies
     */
    public record Kf(@DefaultValue("") String corpId, @DefaultValue("") String secret, @DefaultValue("") String token,
                     @DefaultValue("") String aesKey, @DefaultValue("") String apiUrl,
                     @DefaultValue("") String servicer) {

        public boolean configured() {
            return !corpId.isBlank() && !secret.isBlank() && !token.isBlank() && !aesKey.isBlank();
        }

        public String missing() {
            return absent("KEFU_WECHAT_KF_CORP_ID", corpId) + absent("KEFU_WECHAT_KF_SECRET", secret)
                    + absent("KEFU_WECHAT_KF_TOKEN", token) + absent("KEFU_WECHAT_KF_AES_KEY", aesKey);
        }

        @Override
        public String toString() {
            return "Kf[corpId=" + corpId + ", configured=" + configured() + ", apiUrl=" + apiUrl + "]";
        }
    }

    private static String absent(String variable, String value) {
        return value.isBlank() ? " " + variable : "";
    }
}
