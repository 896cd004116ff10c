package io.kefu.server.warmup;

import io.kefu.server.conversation.ConversationWarmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server is ready only once it is warm. A fresh JVM interprets the bot's code before it compiles it, and under
 * full load its first half minute of replies took seconds (docs/benchmarks.md); so before the server says it takes
 * traffic, customer messages go through the real message path ({@link ConversationWarmup}) until the JIT has
 * compiled it. Meanwhile the server already answers (a first question, a health check), but reports
 * {@link ReadinessState#REFUSING_TRAFFIC}, so a load balancer sends it nobody yet.
 * <p>
 * An application runner: Spring Boot reports the application ready ({@link ReadinessState#ACCEPTING_TRAFFIC})
 * only after its runners are done.
 */
@Component
class Warmup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Warmup.class);

    private final ConversationWarmup conversations;
    private final ApplicationEventPublisher events;
    private final WarmupProperties settings;
    private volatile boolean warm;
    private volatile long answeredMessages;

    Warmup(ConversationWarmup conversations, ApplicationEventPublisher events, WarmupProperties settings) {
        this.conversations = conversations;
        this.events = events;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        try {
            if (settings.messages() > 0) warmUp();
        } catch (Exception e) {
            // a cold server is still a working one; the failure shows in the log, and the message path's own
            log.error("the warm-up failed; ready, but cold", e);
        }
        warm = true;
        AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
    }

    /** Whether the warm-up is over. */
    boolean warm() {
        return warm;
    }

    /** How many customer messages the warm-up had answered when it ended. */
    long answered() {
        return answeredMessages;
    }

    private void warmUp() throws Exception {
        long start = System.nanoTime();
        long deadline = start + settings.maxDuration().toNanos();
        List<String> questions = WarmupQuestions.bundled();
        int threads = settings.threads() > 0 ? settings.threads() : Runtime.getRuntime().availableProcessors();
        var sent = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            var thread = new Thread(runnable, "warmup");
            thread.setDaemon(true);
            return thread;
        });
        try {
            var runs = new ArrayList<Future<Long>>();
            for (int t = 0; t < threads; t++) {
                int offset = t * questions.size() / threads;
                List<String> rotated = new ArrayList<>(questions.subList(offset, questions.size()));
                rotated.addAll(questions.subList(0, offset));
                runs.add(pool.submit(() -> {
                    try (ConversationWarmup.Run run = conversations.start()) {
                        return run.answer(rotated, () -> sent.incrementAndGet() > settings.messages()
                                || System.nanoTime() > deadline);
                    }
                }));
            }
            long answered = 0;
            for (Future<Long> run : runs) answered += run.get();
            answeredMessages = answered;
            log.info("warmed up with {} customer messages ({} questions) on {} threads in {} ms; ready", answered,
                    questions.size(), threads, (System.nanoTime() - start) / 1_000_000);
        } finally {
            pool.shutdownNow();
        }
    }
}
