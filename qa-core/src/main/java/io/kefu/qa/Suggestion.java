package io.kefu.qa;

/** A standard question offered to the customer as "您是不是想问". */
public record Suggestion(String id, String question) {
}
