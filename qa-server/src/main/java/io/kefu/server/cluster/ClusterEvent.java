package io.kefu.server.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something that happened on one node that sockets on the others must hear of. Small (a PostgreSQL notification
 * holds under 8,000 bytes): it names what changed, and the receiving node reads the rest from the database.
 *
 * @param node         the node it happened on (a node ignores its own events)
 * @param type         {@code messages}: messages {@code fromSeq..toSeq} were added to {@code conversation};
 *                     {@code typing}: {@code from} (customer or agent) started or stopped typing;
 *                     {@code assigned} / {@code released}: {@code conversation} was given to or taken from {@code agent};
 *                     {@code queue}: the queue or agents changed
 * @param conversation the conversation, when it is about one
 * @param agent        the agent serving it, or the one assigned or released
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClusterEvent(String node, String type, String conversation, String agent, Long fromSeq, Long toSeq,
                           String from, Boolean on, String why) {

    public static ClusterEvent messages(String conversation, String agent, long fromSeq, long toSeq) {
        return new ClusterEvent(null, "messages", conversation, agent, fromSeq, toSeq, null, null, null);
    }

    public static ClusterEvent typing(String conversation, String agent, String from, boolean on) {
        return new ClusterEvent(null, "typing", conversation, agent, null, null, from, on, null);
    }

    public static ClusterEvent assigned(String conversation, String agent, String by) {
        return new ClusterEvent(null, "assigned", conversation, agent, null, null, null, null, by);
    }

    public static ClusterEvent released(String conversation, String agent, String why) {
        return new ClusterEvent(null, "released", conversation, agent, null, null, null, null, why);
    }

    public static ClusterEvent queue() {
        return new ClusterEvent(null, "queue", null, null, null, null, null, null, null);
    }

    ClusterEvent from(String origin) {
        return new ClusterEvent(origin, type, conversation, agent, fromSeq, toSeq, from, on, why);
    }
}
