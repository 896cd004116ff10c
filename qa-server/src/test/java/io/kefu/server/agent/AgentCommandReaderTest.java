package io.kefu.server.agent;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A console's frames are read once into commands; one that does not read says why, with its ref. */
class AgentCommandReaderTest {

    private final AgentCommandReader reader = new AgentCommandReader(JsonMapper.builder().build());

    @Test
    void framesBecomeCommands() {
        assertEquals(new AgentCommand.Reply("r1", "c1", "m1", "您好"), reader.read(
                "{\"type\":\"reply\",\"conversation\":\"c1\",\"id\":\"m1\",\"text\":\"您好\",\"ref\":\"r1\"}"));
        assertEquals(new AgentCommand.Typing(null, "c1", false),
                reader.read("{\"type\":\"typing\",\"conversation\":\"c1\",\"on\":false}"));
        assertEquals(new AgentCommand.TransferToGroup(null, "c1", "银行"),
                reader.read("{\"type\":\"transfer\",\"conversation\":\"c1\",\"group\":\"银行\",\"agent\":\"li\"}"));
        assertEquals(new AgentCommand.TransferToAgent(null, "c1", "li"),
                reader.read("{\"type\":\"transfer\",\"conversation\":\"c1\",\"agent\":\"li\"}"));
        assertEquals(new AgentCommand.SetStatus("status", "busy"),
                reader.read("{\"type\":\"status\",\"status\":\"busy\",\"ref\":\"status\"}"));
        assertEquals(new AgentCommand.Close(null, "c1", "咨询"),
                reader.read("{\"type\":\"close\",\"conversation\":\"c1\",\"tag\":\"咨询\"}"));
    }

    @Test
    void whatDoesNotReadSaysWhyWithItsRef() {
        assertEquals("bad_json", problem(reader.read("not json")).code());
        assertEquals("bad_json", problem(reader.read("[1]")).code());
        AgentCommand badField = reader.read("{\"type\":\"reply\",\"conversation\":7,\"ref\":\"r2\"}");
        assertEquals("r2", badField.ref());
        assertEquals("bad_frame", problem(badField).code());
        assertEquals("unknown_type", problem(reader.read("{\"type\":\"dance\",\"ref\":\"r3\"}")).code());
        // the ref is echoed in the answer: a lone surrogate in it could not be sent, and was logged at every echo
        assertEquals("r4", reader.read("{\"type\":\"ping\",\"ref\":\"r4\\ud800\"}").ref());
        for (String on : List.of("", ",\"on\":{\"x\":1}", ",\"on\":\"true\"", ",\"on\":1")) {
            String frame = "{\"type\":\"typing\",\"conversation\":\"c1\"" + on + "}";
            assertEquals("bad_frame", problem(reader.read(frame)).code(), "typing is true or false: " + frame);
        }
        // a reply needs an id of 1 to 64 characters: none, an empty one, a number, a long one, a control character
        for (String id : List.of("", ",\"id\":\"\"", ",\"id\":7", ",\"id\":\"" + "x".repeat(65) + "\"",
                ",\"id\":\"a\\u0000\"")) {
            String frame = "{\"type\":\"reply\",\"conversation\":\"c1\",\"text\":\"您好\"" + id + "}";
            assertEquals("bad_frame", problem(reader.read(frame)).code(), frame);
        }
    }

    private static io.kefu.server.queue.HandoffException problem(AgentCommand command) {
        return ((AgentCommand.Unreadable) command).problem();
    }
}
