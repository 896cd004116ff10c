package io.kefu.server.agent;

import io.kefu.server.cluster.ClusterBus;
import io.kefu.server.cluster.ClusterEvent;
import io.kefu.server.conversation.CustomerChannel;
import io.kefu.server.conversation.MessageLog;
import io.kefu.server.conversation.Sender;
import io.kefu.server.conversation.StoredMessage;
import io.kefu.server.queue.Dispatcher;
import org.springframework.stereotype.Component;

import java.util.List;

/** What another node did, shown to the customer and agent sockets on this one. */
@Component
class ClusterRelay {

    private final MessageLog log;
    private final CustomerChannel customers;
    private final ConsoleFeed feed;
    private final ConsoleUpdates updates;
    private final Dispatcher dispatcher;

    ClusterRelay(MessageLog log, CustomerChannel customers, ConsoleFeed feed, ConsoleUpdates updates,
                 Dispatcher dispatcher, ClusterBus cluster) {
        this.log = log;
        this.customers = customers;
        this.feed = feed;
        this.updates = updates;
        this.dispatcher = dispatcher;
        cluster.onEvent(this::heard);
    }

    void heard(ClusterEvent event) {
        if (event instanceof ClusterEvent.Messages added) {
            List<StoredMessage> messages = log.messages(added.conversation(), added.fromSeq(), added.toSeq());
            for (StoredMessage message : messages) {
                if (message.sender() != Sender.CUSTOMER) customers.deliverFromOtherNode(added.conversation(), message);
            }
            if (!messages.isEmpty()) feed.show(added.conversation(), added.agent(), messages);
        } else if (event instanceof ClusterEvent.CustomerTyping typing) {
            feed.showCustomerTyping(typing.conversation(), typing.agent(), typing.on());
        } else if (event instanceof ClusterEvent.AgentTyping typing) {
            customers.agentTyping(typing.conversation(), typing.on());
        } else if (event instanceof ClusterEvent.Assigned assigned) {
            updates.assigned(assigned.conversation(), assigned.agent(), assigned.by());
        } else if (event instanceof ClusterEvent.Released released) {
            updates.released(released.conversation(), released.agent(), released.why());
        } else if (event instanceof ClusterEvent.QueueChanged) {
            dispatcher.showAgain();
        }
    }
}
