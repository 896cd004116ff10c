package io.kefu.server.outreach;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.LocalTime;

/**
 * Proactive messages ({@code kefu.outreach}, docs/outreach.md).
 *
 * @param key        the operator's systems send it as {@code Authorization: Bearer ...}; from the environment
 *                   ({@code KEFU_OUTREACH_KEY}) only; empty turns the API off
 * @param quietStart no message is shown from this time of day (the service's zone, {@code kefu.handoff.zone})...
 * @param quietEnd   ...until this one; a message sent meanwhile waits
 * @param dailyLimit messages one customer may be sent per day
 */
@ConfigurationProperties(prefix = "kefu.outreach")
record OutreachSettings(@DefaultValue("") String key, @DefaultValue("21:00") LocalTime quietStart,
                        @DefaultValue("08:00") LocalTime quietEnd, @DefaultValue("2") int dailyLimit) {

    OutreachSettings {
        if (dailyLimit < 1) throw new IllegalArgumentException("kefu.outreach.daily-limit must be at least 1");
    }
}
