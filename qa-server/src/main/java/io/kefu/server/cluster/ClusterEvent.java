package io.kefu.server.cluster;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Something that happened on one node that sockets on the others must hear of. Small (a PostgreSQL notification
 * holds under 8,000 bytes): it names what changed, and the receiving node reads the rest from the database.
 * Serialised as JSON with its kind in {@code type}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ClusterEvent.Messages.class, name = "messages"),
        @JsonSubTypes.Type(value = ClusterEvent.CustomerTyping.class, name = "customer_typing"),
        @JsonSubTypes.Type(value = ClusterEvent.AgentTyping.class, name = "agent_typing"),
        @JsonSubTypes.Type(value = ClusterEvent.Assigned.class, name = "assigned"),
        @JsonSubTypes.Type(value = ClusterEvent.Released.class, name = "released"),
        @JsonSubTypes.Type(value = ClusterEvent.QueueChanged.class, name = "queue"),
        @JsonSubTypes.Type(value = ClusterEvent.KnowledgePublished.class, name = "knowledge_published")})
public sealed interface ClusterEvent {

    /** Messages {@code fromSeq..toSeq} were added to the conversation; {@code agent} serves it, or null. */
    record Messages(String conversation, String agent, long fromSeq, long toSeq) implements ClusterEvent {
    }

    /** The customer started or stopped typing to {@code agent}. */
    record CustomerTyping(String conversation, String agent, boolean on) implements ClusterEvent {
    }

    /** {@code agent} started or stopped typing to the customer. */
    record AgentTyping(String conversation, String agent, boolean on) implements ClusterEvent {
    }

    /** The conversation was given to {@code agent} ({@code by}: routing, pick, takeover, ...). */
    record Assigned(String conversation, String agent, String by) implements ClusterEvent {
    }

    /** The conversation was taken from {@code agent} ({@code why}: closed, handback, transfer, ...). */
    record Released(String conversation, String agent, String why) implements ClusterEvent {
    }

    /** The queue or the agents changed. */
    record QueueChanged() implements ClusterEvent {
    }

    /** The content team published (or rolled back to) {@code release}: answer from it. */
    record KnowledgePublished(long release) implements ClusterEvent {
    }
}
