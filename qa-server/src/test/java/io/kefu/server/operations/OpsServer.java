package io.kefu.server.operations;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The server the operations, analytics and outreach tests share (one Spring test context, so one start): agents
 * work around the clock, Prometheus scrapes with {@link #METRICS_TOKEN}, the operator's systems call outreach with
 * {@link #OUTREACH_KEY} at any time of day (no quiet hours), and pages sign visitor profiles with {@link #PROFILE_KEY}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kefu.handoff.hours=MON-SUN 00:00-24:00",
        "kefu.metrics-token=" + OpsServer.METRICS_TOKEN,
        "kefu.outreach.key=" + OpsServer.OUTREACH_KEY,
        "kefu.outreach.quiet-start=00:00",
        "kefu.outreach.quiet-end=00:00",
        "kefu.handoff.profile-key=" + OpsServer.PROFILE_KEY})
public @interface OpsServer {

    String METRICS_TOKEN = "test-metrics-token-0123456789";
    String OUTREACH_KEY = "test-outreach-key-0123456789";
    String PROFILE_KEY = "test-profile-key";
}
