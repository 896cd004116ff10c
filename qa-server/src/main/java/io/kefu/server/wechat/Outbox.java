package io.kefu.server.wechat;

/** A channel's way of sending a follower a text through WeChat's message API. */
public interface Outbox {

    WechatChannel channel();

    /** Whether the channel is configured (its secrets set). */
    boolean on();

    /**
     * Sends one text (at most {@link WechatText#MAX_BYTES} bytes), retrying what retrying can help.
     *
     * @throws DeliveryRefused when WeChat refuses it for a reason the agent should know
     */
    void send(Followers.Follower to, String text);

    /** Every message sent to the follower through the API, once sent: a channel may track who serves them. */
    default void observe(Followers.Follower to, io.kefu.server.conversation.StoredMessage message) {
    }
}
