package io.kefu.server.cluster;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of cluster event goes over the PostgreSQL channel and comes back as the same event. */
class ClusterEventTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyEventSurvivesTheChannel() {
        List<ClusterEvent> events = List.of(new ClusterEvent.Messages("c1", "wang", 3, 5),
                new ClusterEvent.Messages("c1", null, 7, 7),
                new ClusterEvent.CustomerTyping("c1", "wang", true), new ClusterEvent.AgentTyping("c1", "wang", false),
                new ClusterEvent.Assigned("c1", "wang", "routing"), new ClusterEvent.Released("c1", "li", "transfer"),
                new ClusterEvent.QueueChanged());
        for (ClusterEvent event : events) {
            String sent = json.writeValueAsString(new PostgresBus.Notification("node-a", event));
            PostgresBus.Notification heard = json.readValue(sent, PostgresBus.Notification.class);
            assertEquals("node-a", heard.node());
            assertEquals(event, heard.event(), sent);
        }
    }

    @Test
    void theKindIsNamedInTheType() {
        String sent = json.writeValueAsString(new PostgresBus.Notification("n", new ClusterEvent.Assigned("c", "a", "pick")));
        assertTrue(sent.contains("\"type\":\"assigned\""), sent);
        assertTrue(sent.length() < 8000, "a notification holds under 8,000 bytes");
    }
}
