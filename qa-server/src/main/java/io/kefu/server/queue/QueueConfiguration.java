package io.kefu.server.queue;

import io.kefu.server.system.KefuProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** The hand-off's settings read once at start, and its periodic sweep. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class QueueConfiguration {

    @Bean
    Clock handoffClock() {
        return Clock.systemUTC();
    }

    @Bean
    ServiceHours serviceHours(KefuProperties properties) {
        KefuProperties.Handoff handoff = properties.handoff();
        return ServiceHours.parse(handoff.hours(), handoff.holidays(), handoff.zone());
    }
}
