package io.kefu.server.content;

import org.springframework.http.HttpStatus;

/** A content request refused, with the HTTP status and a message in Chinese for the person who sent it. */
class ContentException extends RuntimeException {

    private final HttpStatus status;

    ContentException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }

    static ContentException notFound(String message) {
        return new ContentException(HttpStatus.NOT_FOUND, message);
    }

    static ContentException invalid(String message) {
        return new ContentException(HttpStatus.BAD_REQUEST, message);
    }

    static ContentException forbidden(String message) {
        return new ContentException(HttpStatus.FORBIDDEN, message);
    }

    static ContentException conflict(String message) {
        return new ContentException(HttpStatus.CONFLICT, message);
    }
}
