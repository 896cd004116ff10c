package io.kefu.server.conversation;

import io.kefu.qa.dialog.HandoffReason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversationMetersTest {

    @Test
    void countsByFewTagsOnlyHoweverManyConversations() {
        var registry = new SimpleMeterRegistry();
        var meters = new ConversationMeters(registry);
        int before = registry.getMeters().size();
        for (int i = 0; i < 10_000; i++) {
            meters.received("web");
            meters.delivered("web", i % 2 == 0 ? Sender.BOT : Sender.AGENT);
            meters.decided(i % 3 == 0 ? "answer" : "none", System.nanoTime());
        }
        meters.handedOff(HandoffReason.COMPLAINT);
        assertEquals(10_000, registry.get("kefu.messages.in").tag("channel", "web").counter().count());
        assertEquals(5_000, registry.get("kefu.messages.out").tag("sender", "agent").counter().count());
        assertEquals(3_334, registry.get("kefu.bot.decisions").tag("kind", "answer").counter().count());
        assertEquals(10_000, registry.get("kefu.reply.latency").timer().count());
        assertEquals(1, registry.get("kefu.handoffs").tag("reason", "complaint").counter().count());
        assertEquals(before + 5, registry.getMeters().size(), "one series per channel, sender and kind: "
                + registry.getMeters().stream().map(m -> m.getId().toString()).toList());
        assertTrue(registry.get("kefu.reply.latency").timer().max(java.util.concurrent.TimeUnit.SECONDS) < 60);
    }
}
