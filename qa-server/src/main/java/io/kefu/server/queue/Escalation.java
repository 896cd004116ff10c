package io.kefu.server.queue;

import io.kefu.qa.dialog.HandoffReason;
import io.kefu.server.conversation.ConversationFeed;
import io.kefu.server.conversation.ConversationStore;
import io.kefu.server.conversation.CustomerNotices;
import io.kefu.server.conversation.CustomerTexts;
import io.kefu.server.conversation.HandoffState;
import io.kefu.server.conversation.Handoffs;
import io.kefu.server.conversation.Notice;
import io.kefu.server.conversation.Routing;
import io.kefu.server.conversation.StoredMessage;
import io.kefu.server.system.KefuProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A conversation that asks for a person joins the queue; outside service hours or with nobody signed in the bot
 * takes a message instead (docs/agents.md).
 */
@Component
class Escalation implements Handoffs {

    private final ConversationStore conversations;
    private final AgentStore agents;
    private final Dispatcher dispatcher;
    private final WaitingNotices waiting;
    private final CustomerNotices notices;
    private final ConversationFeed feed;
    private final ServiceHours hours;
    private final Clock clock;
    private final String leaveMessageForm;

    Escalation(ConversationStore conversations, AgentStore agents, Dispatcher dispatcher, WaitingNotices waiting,
               CustomerNotices notices, ConversationFeed feed, ServiceHours hours, Clock handoffClock,
               KefuProperties properties) {
        this.conversations = conversations;
        this.agents = agents;
        this.dispatcher = dispatcher;
        this.waiting = waiting;
        this.notices = notices;
        this.feed = feed;
        this.hours = hours;
        this.clock = handoffClock;
        this.leaveMessageForm = properties.handoff().leaveMessageForm();
    }

    @Override
    public void connected(String conversationId) {
        waiting.connected(conversationId);
    }

    @Override
    public void escalate(String conversationId, HandoffReason reason) {
        Instant now = clock.instant();
        if (!hours.open(now)) {
            leaveMessage(conversationId, CustomerTexts.outsideHours(hours.describe()), reason);
            return;
        }
        if (agents.connectedAgents() == 0) {
            leaveMessage(conversationId, CustomerTexts.NOBODY_ONLINE, reason);
            return;
        }
        Routing routing = conversations.routing(conversationId).orElse(null);
        if (routing == null) return;
        Priority priority = reason == HandoffReason.COMPLAINT || routing.vip() ? Priority.FIRST : Priority.NORMAL;
        if (!conversations.enqueue(conversationId, priority.value(), reason, now)) return; // queued or served already
        int position = Math.max(1, waiting.position(conversationId));
        notices.tell(conversationId, Notice.QUEUED,
                CustomerTexts.queued(position, position * waiting.secondsPerPlace()));
        dispatcher.serve();
    }

    @Override
    public void closedByCustomer(String conversationId, StoredMessage notice) {
        Routing routing = conversations.routing(conversationId).orElse(null);
        if (routing == null || routing.handoff() == HandoffState.BOT) return;
        feed.added(conversationId, routing.agent(), List.of(notice));
        dispatcher.released(routing, Handover.CLOSED);
        dispatcher.serve();
    }

    /** Outside service hours or with nobody signed in: say so, and take a message with contact details. */
    private void leaveMessage(String conversationId, String why, HandoffReason reason) {
        conversations.keepReason(conversationId, reason); // the message left becomes a complaint ticket, if it is one
        notices.tell(conversationId, Notice.LEAVE_MESSAGE, CustomerTexts.leaveMessage(why));
        notices.startForm(conversationId, leaveMessageForm);
    }
}
