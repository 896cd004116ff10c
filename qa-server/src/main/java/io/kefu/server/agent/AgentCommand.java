package io.kefu.server.agent;

import io.kefu.server.queue.HandoffException;

/**
 * A frame the agent console sends, read once by {@link AgentCommandReader} (docs/agents.md, "Console → server").
 * Every one may carry a {@code ref}, echoed in the answer to it; {@code conversation} is the conversation it is
 * about, checked against the console's rights when it is acted on.
 */
sealed interface AgentCommand {

    String ref();

    record Ping(String ref) implements AgentCommand {
    }

    record SetStatus(String ref, String status) implements AgentCommand {
    }

    record Pick(String ref, String conversation) implements AgentCommand {
    }

    record Open(String ref, String conversation) implements AgentCommand {
    }

    /** {@code id}: the console's id of the reply, which makes sending it again harmless. */
    record Reply(String ref, String conversation, String id, String text) implements AgentCommand {
    }

    record Typing(String ref, String conversation, boolean on) implements AgentCommand {
    }

    record Note(String ref, String conversation, String text) implements AgentCommand {
    }

    /** {@code text}: what to find answers for; null for the customer's latest message. */
    record Suggest(String ref, String conversation, String text) implements AgentCommand {
    }

    record TransferToAgent(String ref, String conversation, String agent) implements AgentCommand {
    }

    record TransferToGroup(String ref, String conversation, String group) implements AgentCommand {
    }

    record HandBack(String ref, String conversation) implements AgentCommand {
    }

    /** {@code tag}: the category of the conversation, one of {@code kefu.handoff.close-tags}, or null. */
    record Close(String ref, String conversation, String tag) implements AgentCommand {
    }

    record Takeover(String ref, String conversation) implements AgentCommand {
    }

    record Reassign(String ref, String conversation, String agent) implements AgentCommand {
    }

    /** A frame that does not read: answered with the error, and nothing is done. */
    record Unreadable(String ref, HandoffException problem) implements AgentCommand {
    }
}
