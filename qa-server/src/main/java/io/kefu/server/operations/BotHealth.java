package io.kefu.server.operations;

import io.kefu.qa.QaBot;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The bot's part of readiness ({@code management.endpoint.health.group.readiness}): down while its index holds no
 * phrasing (nothing could be answered), up with the size of the index and the thresholds in force. Warming the
 * bot before traffic arrives is reported through Spring Boot's {@code ReadinessState}, which the same group reads.
 */
@Component("bot")
class BotHealth implements HealthIndicator {

    private final QaBot bot;

    BotHealth(QaBot bot) {
        this.bot = bot;
    }

    @Override
    public Health health() {
        int phrasings = bot.indexedPhrasings();
        Health.Builder health = phrasings > 0 ? Health.up() : Health.down();
        return health.withDetail("phrasings", phrasings).withDetail("thresholds", bot.calibration().summary())
                .build();
    }
}
