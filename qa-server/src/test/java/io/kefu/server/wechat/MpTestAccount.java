package io.kefu.server.wechat;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The Official Account the WeChat tests configure a server with, against a {@link FakeWechatApi}. */
public final class MpTestAccount {

    public static final String APP_ID = "wx-test-app";
    public static final String SECRET = "test-app-secret";
    public static final String TOKEN = "test-token";
    public static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private MpTestAccount() {
    }

    /** The server's settings for the account, with WeChat's API at {@code api}. */
    public static void register(DynamicPropertyRegistry registry, FakeWechatApi api) {
        registry.add("kefu.wechat.mp.app-id", () -> APP_ID);
        registry.add("kefu.wechat.mp.secret", () -> SECRET);
        registry.add("kefu.wechat.mp.token", () -> TOKEN);
        registry.add("kefu.wechat.mp.aes-key", () -> AES_KEY);
        registry.add("kefu.wechat.mp.api-host", api::url);
    }

    public static FakeWechatApi api() {
        return new FakeWechatApi(APP_ID, SECRET);
    }

    public static WechatSimulator simulator(int port) {
        return new WechatSimulator("http://127.0.0.1:" + port + "/wechat/mp", TOKEN, APP_ID, null);
    }

    /** A fresh follower's OpenID. */
    public static String follower() {
        return "o-" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
