package io.kefu.server.warmup;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server reports ready only once warm: readiness is refused from the start of the warm-up, is never accepted
 * while it runs, and is accepted when the warm-up has sent its messages through the message path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"kefu.warmup.messages=500", "kefu.warmup.max-duration=10m"})
class WarmupReadinessIT {

    /** What the readiness was while the warm-up ran, sampled; and each readiness change with whether it was warm. */
    static final class Observer {
        final List<String> changes = new CopyOnWriteArrayList<>();
        final List<ReadinessState> duringWarmup = new CopyOnWriteArrayList<>();
        private final Warmup warmup;
        private final ApplicationAvailability availability;

        Observer(Warmup warmup, ApplicationAvailability availability) {
            this.warmup = warmup;
            this.availability = availability;
        }

        @EventListener
        void readiness(AvailabilityChangeEvent<ReadinessState> event) {
            changes.add(event.getState() + (warmup.warm() ? " warm" : " cold"));
            if (event.getState() == ReadinessState.REFUSING_TRAFFIC && !warmup.warm()) {
                Thread sampler = new Thread(() -> {
                    while (!warmup.warm()) {
                        ReadinessState now = availability.getReadinessState();
                        // the flag may turn between the check above and the read
                        if (!warmup.warm()) duringWarmup.add(now);
                        Thread.onSpinWait();
                    }
                });
                sampler.setDaemon(true);
                sampler.start();
            }
        }
    }

    @TestConfiguration
    static class Observing {
        @Bean
        Observer observer(Warmup warmup, ApplicationAvailability availability) {
            return new Observer(warmup, availability);
        }
    }

    @Autowired
    Observer observer;
    @Autowired
    Warmup warmup;
    @Autowired
    ApplicationAvailability availability;
    @Autowired
    JdbcClient jdbc;

    @Test
    void readinessIsRefusedUntilTheWarmupHasSentItsMessages() throws Exception {
        assertThat(observer.changes).first().isEqualTo("REFUSING_TRAFFIC cold");
        assertThat(observer.changes).filteredOn(change -> change.startsWith("ACCEPTING_TRAFFIC"))
                .isNotEmpty().allMatch(change -> change.endsWith(" warm"));
        assertThat(observer.duringWarmup).isNotEmpty().containsOnly(ReadinessState.REFUSING_TRAFFIC);
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(warmup.answered()).isGreaterThanOrEqualTo(500);
    }

    @Test
    void theWarmupLeftNothingInTheServersDatabase() {
        // its conversations went to a throwaway database of their own, and no ticket or queue entry was made
        assertThat(warmup.answered()).isPositive();
        assertThat(jdbc.sql("select count(*) from conversations").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from messages").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from tickets").query(Long.class).single()).isZero();
    }
}
