package io.kefu.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the server logs at WARN or above while a test runs, from every thread: {@code try (var log = LogCapture.capture())}.
 * A client's mistake is answered, not logged as the server's failure: {@link #failures} lists ERROR lines and any line
 * that carries a stack trace.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    private LogCapture() {
    }

    public static LogCapture capture() {
        LogCapture capture = new LogCapture();
        capture.setContext(capture.root.getLoggerContext());
        capture.setName("test-capture");
        capture.start();
        capture.root.addAppender(capture);
        return capture;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) events.add(event);
    }

    /** ERROR lines and lines with a stack trace, each as "LEVEL logger: message (exception)". */
    public List<String> failures() {
        return events.stream().filter(e -> e.getLevel() == Level.ERROR || e.getThrowableProxy() != null)
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : " (" + e.getThrowableProxy().getClassName() + ": "
                        + e.getThrowableProxy().getMessage() + ")"))
                .toList();
    }

    /** Every WARN and ERROR line. */
    public List<String> warnings() {
        return events.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
    }

    @Override
    public void close() {
        root.detachAppender(this);
        stop();
    }
}
