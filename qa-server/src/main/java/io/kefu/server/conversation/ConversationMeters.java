package io.kefu.server.conversation;

import io.kefu.qa.dialog.HandoffReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The conversation's Prometheus meters (docs/operations.md). They sit on the path of every message, so each is
 * looked up once and then only incremented: tags are only the few channels, senders, decision kinds and hand-off
 * reasons, never a conversation, a customer or a question (one series per value would grow without bound).
 *
 * <p>Each channel adapter counts its own customers' messages in and what it delivers to them: it alone knows its
 * channel without a look-up.
 */
@Component
public class ConversationMeters {

    private final MeterRegistry registry;
    private final Map<String, Counter> received = new ConcurrentHashMap<>();
    private final Map<String, Counter> delivered = new ConcurrentHashMap<>();
    private final Map<String, Counter> decisions = new ConcurrentHashMap<>();
    private final Map<HandoffReason, Counter> handoffs = new EnumMap<>(HandoffReason.class);
    private final Timer replyLatency;

    public ConversationMeters(MeterRegistry registry) {
        this.registry = registry;
        for (HandoffReason reason : HandoffReason.values()) {
            handoffs.put(reason, Counter.builder("kefu.handoffs").description("Conversations handed to a person")
                    .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT)).register(registry));
        }
        this.replyLatency = Timer.builder("kefu.reply.latency")
                .description("From a customer's message received to the bot's reply stored and delivered")
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2))
                .register(registry);
    }

    /** A customer's new message (not a resend) came in through {@code channel}. */
    public void received(String channel) {
        received.computeIfAbsent(channel, c -> Counter.builder("kefu.messages.in")
                .description("Customer messages received").tag("channel", c).register(registry)).increment();
    }

    /** A stored message reached a customer of {@code channel} as it happened. */
    public void delivered(String channel, Sender sender) {
        delivered.computeIfAbsent(channel + '/' + sender.wireName(), key -> Counter.builder("kefu.messages.out")
                .description("Messages delivered to customers as they happened").tag("channel", channel)
                .tag("sender", sender.wireName()).register(registry)).increment();
    }

    void decided(String kind, long startNanos) {
        decisions.computeIfAbsent(kind, k -> Counter.builder("kefu.bot.decisions")
                .description("The bot's decisions on customer messages").tag("kind", k).register(registry))
                .increment();
        replyLatency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    void handedOff(HandoffReason reason) {
        handoffs.get(reason).increment();
    }
}
