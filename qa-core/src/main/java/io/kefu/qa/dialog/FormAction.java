package io.kefu.qa.dialog;

import java.net.URI;
import java.time.Duration;

/** What a completed form does. */
public sealed interface FormAction {

    /** Records a ticket that agents work through. */
    record Ticket() implements FormAction {
    }

    /**
     * POSTs the form as JSON to a URL; a failure (error status, timeout, no connection) still records a ticket
     * so that nothing the customer gave is lost.
     */
    record Webhook(URI url, Duration timeout) implements FormAction {
        public Webhook {
            if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
                throw new IllegalArgumentException("webhook must be an http(s) URL: " + url);
            }
        }
    }
}
