package io.kefu.server.content;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The content console's wiring. */
@Configuration(proxyBeanMethods = false)
class ContentConfiguration {

    /** The time validity dates are compared with; a test replaces it to move time. */
    @Bean
    Clock contentClock() {
        return Clock.systemUTC();
    }
}
