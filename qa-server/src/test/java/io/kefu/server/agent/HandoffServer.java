package io.kefu.server.agent;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The server the hand-off tests run against: agents work around the clock, a dropped console gives its
 * conversations back after a second, and visitor profiles are signed with {@link #PROFILE_KEY}. Every test class
 * with this annotation shares one running server (Spring's test context cache), so each leaves no conversation open
 * and no agent connected ({@link HandoffFixture#close}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kefu.handoff.hours=MON-SUN 00:00-24:00",
        "kefu.handoff.grace-period=1s",
        "kefu.handoff.sweep-interval=200ms",
        "kefu.handoff.node-timeout=1s",
        "kefu.handoff.profile-key=" + HandoffServer.PROFILE_KEY})
@interface HandoffServer {

    String PROFILE_KEY = "test-profile-key";
}
