package io.kefu.server.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kefu.server.conversation.StoredMessage;

import java.time.Instant;
import java.util.List;

/** The frames the server sends to agent consoles (docs/agents.md), serialised as JSON. */
final class AgentFrames {

    private AgentFrames() {
    }

    record Me(String type, String username, String displayName, List<String> roles, String status, int capacity,
              int active, List<String> canned, List<String> tags) {
    }

    /** A conversation in a list: the queue, an agent's own, the supervisor's live list. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String conversation, String state, String agent, String channel, String priority, String reason,
                String waitingSince, String lastMessage, Integer position) {
    }

    record Items(String type, List<?> items) {
    }

    record Assigned(String type, String conversation, String by) {
    }

    record Released(String type, String conversation, String why) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Message(Long seq, String from, String kind, String text, String agent, String at, Decision decision) {

        static Message of(StoredMessage message, Decision decision) {
            return new Message(message.seq(), message.sender().wireName(), message.kind(), message.text(),
                    message.agent(), message.at().toString(), decision);
        }
    }

    /** What the bot matched for a customer message: the agent sees why it answered what it answered. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Decision(String kind, String matchedId, String question) {
    }

    record MessageFrame(String type, String conversation, Message message) {
    }

    record Note(String author, String text, String at) {
    }

    record NoteFrame(String type, String conversation, Note note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Transcript(String type, String conversation, String state, String agent, List<Message> messages,
                      List<Note> notes, String ref) {
    }

    record Typing(String type, String conversation, String from, boolean on) {
    }

    record Suggestion(String id, String question, String answer, double score) {
    }

    record Suggestions(String type, String conversation, List<Suggestion> items) {
    }

    record AgentLoad(String username, String displayName, String status, int active, int capacity) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String type, String code, String message, String ref) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Done(String type, String ref, String conversation) {
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
