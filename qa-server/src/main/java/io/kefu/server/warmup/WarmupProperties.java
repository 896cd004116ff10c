package io.kefu.server.warmup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the server warms up before it reports ready ({@code kefu.warmup}).
 *
 * @param messages    customer messages sent through the message path before the server is ready (0: none)
 * @param maxDuration ready after this long even if fewer were sent (a slow machine still becomes ready)
 * @param threads     threads sending them; 0: one per processor
 */
@ConfigurationProperties(prefix = "kefu.warmup")
public record WarmupProperties(@DefaultValue("20000") int messages, @DefaultValue("60s") Duration maxDuration,
                               @DefaultValue("0") int threads) {

    public WarmupProperties {
        if (messages < 0) throw new IllegalArgumentException("kefu.warmup.messages must not be negative");
        if (threads < 0) throw new IllegalArgumentException("kefu.warmup.threads must not be negative");
    }
}
