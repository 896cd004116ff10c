package io.kefu.server.outreach;

import org.springframework.http.HttpStatus;

/** A proactive message refused as a whole before anything was stored; the message, in Chinese, says why. */
class OutreachException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    OutreachException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
