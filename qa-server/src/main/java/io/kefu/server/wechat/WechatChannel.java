package io.kefu.server.wechat;

import java.util.Locale;

/** The two ways WeChat users reach the service; both store their conversations as channel {@link #CONVERSATIONS}. */
public enum WechatChannel {
    /** An Official Account (公众号): its followers' messages come to {@code /wechat/mp}. */
    MP,
    /** WeCom customer service (微信客服): messages pulled with {@code sync_msg} after a call to {@code /wechat/kf}. */
    KF;

    /** The channel name stored with the conversations, shown as 微信 in the agent console. */
    public static final String CONVERSATIONS = "wechat";

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WechatChannel fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
