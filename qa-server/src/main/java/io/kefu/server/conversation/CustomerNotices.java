package io.kefu.server.conversation;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The system's notices in a conversation (queue, agents joining and leaving), and forms the bot starts by itself:
 * stored, sent to the customer, and shown to the agents who see the conversation.
 */
@Component
public class CustomerNotices {

    private final MessageLog log;
    private final ConversationStore store;
    private final BotResponder bot;
    private final CustomerChannel customers;
    private final ConversationFeed feed;

    CustomerNotices(MessageLog log, ConversationStore store, BotResponder bot, CustomerChannel customers,
                    ConversationFeed feed) {
        this.log = log;
        this.store = store;
        this.bot = bot;
        this.customers = customers;
        this.feed = feed;
    }

    /** A notice (with a text from {@link CustomerTexts}) in an open conversation; nothing when it is closed. */
    public void tell(String conversationId, Notice kind, String text) {
        log.say(conversationId, Sender.SYSTEM, kind.wireName(), text, null).ifPresent(message -> {
            customers.deliver(conversationId, message);
            String agent = store.routing(conversationId).map(Routing::agent).orElse(null);
            feed.added(conversationId, agent, List.of(message));
        });
    }

    /**
     * A notice with buttons the customer can answer by a click (e.g. a satisfaction question), in an open
     * conversation; false when it is closed and nothing was said.
     */
    public boolean tell(String conversationId, Notice kind, String text, List<String> quickReplies) {
        Optional<StoredMessage> said = log.say(conversationId, Sender.SYSTEM, kind.wireName(), text, null, quickReplies);
        said.ifPresent(message -> {
            customers.deliver(conversationId, message);
            String agent = store.routing(conversationId).map(Routing::agent).orElse(null);
            feed.added(conversationId, agent, List.of(message));
        });
        return said.isPresent();
    }

    /** The bot starts a form by itself (e.g. taking a message) and asks the customer for its first detail. */
    public void startForm(String conversationId, String intent) {
        for (StoredMessage asked : log.append(conversationId, null, bot.begin(conversationId, intent))) {
            customers.deliver(conversationId, asked);
        }
    }
}
