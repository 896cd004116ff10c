package io.kefu.server;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The server the fuzz tests share (Spring's test context cache), apart from every other test's: its rate limit is
 * high enough for 10,000 frames to reach the frame reader rather than the limiter, and agents work around the clock.
 * Each fuzz test closes what it opened.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(classes = KefuServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "kefu.chat.frames-per-second=100000",
                "kefu.chat.burst=100000",
                "kefu.handoff.hours=MON-SUN 00:00-24:00",
                "kefu.handoff.sweep-interval=300ms"})
public @interface FuzzServer {
}
