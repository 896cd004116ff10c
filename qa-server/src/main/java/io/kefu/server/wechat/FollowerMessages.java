package io.kefu.server.wechat;

import io.kefu.server.conversation.ConversationException;
import io.kefu.server.conversation.ConversationService;
import io.kefu.server.conversation.ConversationStore;
import io.kefu.server.conversation.CustomerTexts;
import io.kefu.server.conversation.HandoffState;
import io.kefu.server.conversation.InboundMessage;
import io.kefu.server.conversation.Routing;
import io.kefu.server.conversation.Sender;
import io.kefu.server.system.KefuProperties;
import io.kefu.server.system.SafeText;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A WeChat user's messages, whichever channel they came from, as calls of the {@link ConversationService}: a text
 * goes into their conversation (a new one after a closed one), a bare number chooses from what they were last
 * offered or rates the conversation just closed, and what cannot be read (a picture, an unrecognised voice message)
 * gets a polite request to type, or is passed to the agent serving them. Replies go out through
 * {@link WechatDelivery}.
 */
@Component
public class FollowerMessages {

    static final String TYPE_PLEASE = "抱歉，暂时无法识别语音内容，请用文字描述您的问题。";
    static final String MEDIA_NOT_READ = "抱歉，智能客服暂时只能阅读文字消息，请用文字描述您的问题。";
    static final String MEDIA_TO_AGENT = "已收到，正在为您转给人工客服查看。";
    static final String RATED = "感谢您的评价！如需继续咨询，请直接发送您的问题。";

    private final ConversationService conversations;
    private final ConversationStore store;
    private final Followers followers;
    private final WechatDelivery delivery;
    private final KefuProperties.Chat chat;

    FollowerMessages(ConversationService conversations, ConversationStore store, Followers followers,
                     WechatDelivery delivery, KefuProperties properties) {
        this.conversations = conversations;
        this.store = store;
        this.followers = followers;
        this.delivery = delivery;
        this.chat = properties.chat();
    }

    /** Who writes and how: the channel, the user, WeCom's account, and the key their visitor token comes from. */
    public record From(WechatChannel channel, String openId, String account, String visitorKey) {
    }

    /**
     * A text the user typed (or that a menu click or a voice recognition stands for).
     *
     * @param messageId WeChat's id of the message: a resend with the same id is stored and answered once
     */
    public void text(From from, String typed, String messageId) {
        Optional<Followers.Follower> known = followers.find(from.channel(), from.openId());
        Choices offered = known.map(Followers.Follower::choices).orElse(Choices.NONE);
        OptionalInt stars = offered.stars(typed);
        if (stars.isPresent()) {
            rate(from, known.get(), offered.ratingOf(), stars.getAsInt());
            return;
        }
        Optional<Choices.Option> chosen = offered.chosen(typed);
        String text = SafeText.clean(chosen.map(Choices.Option::text).orElse(typed)).strip();
        String suggestion = chosen.map(Choices.Option::suggestionId).orElse(null);
        Followers.Follower follower = known.filter(f -> f.conversationId() != null)
                .orElseGet(() -> conversation(from, null));
        if (text.isEmpty()) {
            delivery.say(follower, new WechatText.Rendered(CustomerTexts.EMPTY_MESSAGE, Choices.NONE));
            return;
        }
        if (text.codePointCount(0, text.length()) > chat.maxMessageLength()) {
            delivery.say(follower, new WechatText.Rendered(CustomerTexts.tooLong(chat.maxMessageLength()),
                    Choices.NONE));
            return;
        }
        receive(from, follower, offered, new Inbound(text, messageId, suggestion));
    }

    /** A message the bot cannot read (a picture, a file...): the agent serving the conversation gets its link. */
    public void unreadable(From from, String description, String messageId) {
        Followers.Follower follower = conversation(from, null);
        boolean agent = store.routing(follower.conversationId()).filter(Routing::open)
                .map(r -> r.handoff() == HandoffState.AGENT).orElse(false);
        if (agent) {
            receive(from, follower, follower.choices(), new Inbound(description, messageId, null));
            delivery.say(follower, new WechatText.Rendered(MEDIA_TO_AGENT, Choices.NONE));
        } else {
            delivery.say(follower, new WechatText.Rendered(MEDIA_NOT_READ, Choices.NONE));
        }
    }

    /** A voice message WeChat did not turn into text. */
    public void unrecognisedVoice(From from) {
        Followers.Follower follower = conversation(from, null);
        delivery.say(follower, new WechatText.Rendered(TYPE_PLEASE, Choices.NONE));
    }

    /** The user arrived (followed the account, opened the customer-service chat): the greeting and quick menu. */
    public void greet(From from) {
        Followers.Follower follower = conversation(from, null);
        delivery.say(follower, WechatText.menu(chat.greeting(), chat.quickReplies()));
    }

    /**
     * The greeting and quick menu for a user entering a WeCom customer-service session, which WeCom wants sent with
     * the event's code ({@code send_msg_on_event}) rather than as a message: what a number replied to it means is
     * kept, and the text returned for the caller to send.
     */
    public String welcome(From from) {
        Followers.Follower follower = conversation(from, null);
        WechatText.Rendered menu = WechatText.menu(chat.greeting(), chat.quickReplies());
        followers.offer(follower.channel(), follower.openId(), menu.choices());
        return menu.text();
    }

    /** The user left (unfollowed): their conversation ends. */
    public void left(From from) {
        followers.find(from.channel(), from.openId()).map(Followers.Follower::conversationId).ifPresent(id -> {
            try {
                conversations.close(id);
            } catch (ConversationException e) {
                // closed already
            }
        });
    }

    /** Where the user came from (the parameter of the QR code they scanned). */
    public void entered(From from, String entry) {
        followers.entered(from.channel(), from.openId(), entry);
    }

    /** Sends the user a text through the channel's message API (the bot's reply that missed the passive reply). */
    public void send(From from, String text) {
        followers.find(from.channel(), from.openId()).ifPresent(f -> delivery.send(f, text, Sender.BOT));
    }

    /** The user's conversation: the one they are in, or a new one after {@code closed}. */
    private Followers.Follower conversation(From from, String closed) {
        return followers.conversation(from.channel(), from.openId(), closed, from.account(),
                openId -> conversations.start(WechatChannel.CONVERSATIONS,
                        Followers.visitorToken(from.visitorKey(), from.channel(), openId), null, false));
    }

    private record Inbound(String text, String messageId, String suggestion) {
    }

    /** Into the follower's conversation; when it turns out closed, into a new one. */
    private void receive(From from, Followers.Follower follower, Choices offered, Inbound message) {
        PassiveReply passive = PassiveReply.current();
        if (passive != null) passive.inConversation(follower.conversationId(), offered);
        try {
            conversations.receive(new InboundMessage(follower.conversationId(), message.text(), message.messageId(),
                    message.suggestion()), (stored, duplicate, answering) -> { });
        } catch (ConversationException e) {
            if (!"conversation_closed".equals(e.code())) throw e;
            Followers.Follower renewed = conversation(from, follower.conversationId());
            if (passive != null) passive.inConversation(renewed.conversationId(), Choices.NONE);
            conversations.receive(new InboundMessage(renewed.conversationId(), message.text(), message.messageId(),
                    null), (stored, duplicate, answering) -> { });
        }
    }

    private void rate(From from, Followers.Follower follower, String conversationId, int stars) {
        try {
            conversations.rate(conversationId, stars, null);
            followers.offer(from.channel(), from.openId(), Choices.NONE);
            delivery.say(follower, new WechatText.Rendered(RATED, Choices.NONE));
        } catch (ConversationException e) {
            delivery.say(follower, new WechatText.Rendered(e.getMessage(), Choices.NONE));
        }
    }
}
