package io.kefu.server.wechat;

import io.kefu.server.conversation.CustomerChannel;
import io.kefu.server.conversation.Sender;
import io.kefu.server.conversation.StoredMessage;
import io.kefu.server.queue.HandoffException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is said in a WeChat conversation, on its way to the follower: in the HTTP response while the message that
 * caused it may still be answered there ({@link PassiveReply}), through the channel's message API otherwise. Any
 * node reaches WeChat, so each message is sent by the node that stored it, never again by the nodes that hear of it.
 * An agent whose message WeChat refuses (the 48-hour window, the 5-message quota) is told why, plainly.
 */
@Component
class WechatDelivery implements CustomerChannel {

    private static final Logger log = LoggerFactory.getLogger(WechatDelivery.class);

    private final Followers followers;
    private final Map<WechatChannel, Outbox> outboxes = new EnumMap<>(WechatChannel.class);

    WechatDelivery(Followers followers, List<Outbox> outboxes) {
        this.followers = followers;
        for (Outbox outbox : outboxes) {
            if (outbox.on()) this.outboxes.put(outbox.channel(), outbox);
        }
    }

    @Override
    public void deliver(String conversationId, StoredMessage message) {
        if (outboxes.isEmpty() || message.sender() == Sender.CUSTOMER) return; // no WeChat channel is on
        Optional<Followers.Follower> follower = followers.byConversation(conversationId);
        if (follower.isEmpty()) return;
        Followers.Follower to = follower.get();
        WechatText.Rendered rendered = WechatText.render(conversationId, message);
        PassiveReply passive = PassiveReply.current();
        if (passive != null && passive.collect(conversationId, rendered.text())) {
            if (!(rendered.choices().none() && passive.choices().none())) {
                followers.offer(to.channel(), to.openId(), rendered.choices());
                passive.offered(rendered.choices());
            }
            return;
        }
        followers.offer(to.channel(), to.openId(), rendered.choices());
        send(to, rendered.text(), message.sender());
        Outbox outbox = outboxes.get(to.channel());
        if (outbox != null) outbox.observe(to, message); // after it: the closing notice goes before the session ends
    }

    /**
     * Sends the follower a text of the channel itself (a greeting, a prompt to type): in the passive reply when one
     * is being collected on this thread, else through the message API.
     */
    void say(Followers.Follower to, WechatText.Rendered rendered) {
        if (!rendered.choices().none()) followers.offer(to.channel(), to.openId(), rendered.choices());
        PassiveReply passive = PassiveReply.current();
        if (passive != null && passive.collect(null, rendered.text())) {
            passive.offered(rendered.choices());
            return;
        }
        send(to, rendered.text(), Sender.SYSTEM);
    }

    /**
     * Sends texts through the message API, in order and split to WeChat's length limit. A refusal stops the rest; for
     * an agent's message it becomes the error the agent sees, for the bot's or the system's it is logged.
     */
    void send(Followers.Follower to, String text, Sender from) {
        Outbox outbox = outboxes.get(to.channel());
        if (outbox == null) return;
        try {
            for (String part : WechatText.split(text)) outbox.send(to, part);
        } catch (DeliveryRefused e) {
            if (from == Sender.AGENT) throw new HandoffException("wechat_refused", e.getMessage());
            log.warn("WeChat refused a {} message of conversation {} (error {})", from.wireName(),
                    to.conversationId(), e.errorCode());
        }
    }

    @Override
    public void deliverFromOtherNode(String conversationId, StoredMessage message) {
        // the node that stored it sent it through WeChat's API already
    }

    @Override
    public void queue(String conversationId, int position, long waitSeconds) {
        // each message counts against WeChat's 5 per customer message: the queued notice said it all
    }

    @Override
    public void agentTyping(String conversationId, boolean on) {
        // WeChat's typing indicator is not worth a message of the quota
    }

    @Override
    public boolean connected(String conversationId) {
        return false;
    }
}
