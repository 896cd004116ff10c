package io.kefu.server.wechat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What answers one follower message while it may still go back in the HTTP response (WeChat's passive reply):
 * the texts delivered to the follower's conversation on the thread handling the message are collected here
 * ({@link #current()}). When the request's budget runs out first, the request answers {@code success} and the texts,
 * those collected and any later ones, go out through the message API once the handling is done, in their order.
 */
public final class PassiveReply {

    private static final ThreadLocal<PassiveReply> CURRENT = new ThreadLocal<>();

    private final List<String> texts = new ArrayList<>();
    private String conversationId;
    private Choices choices = Choices.NONE;
    private boolean done;
    private boolean abandoned;

    /** The reply being collected on this thread, or {@code null}. */
    public static PassiveReply current() {
        return CURRENT.get();
    }

    /** Collects what this thread delivers from now on, until {@link #finish}. */
    public void bind() {
        CURRENT.set(this);
    }

    /** The follower's conversation, once known: only its messages belong to the reply. */
    public synchronized void inConversation(String id, Choices offered) {
        this.conversationId = id;
        this.choices = offered;
    }

    /** The numbered choices the follower was last offered. */
    public synchronized Choices choices() {
        return choices;
    }

    public synchronized void offered(Choices now) {
        this.choices = now;
    }

    /**
     * Takes a text for the reply: false when it is for another conversation (the caller sends it itself).
     *
     * @param conversationId the conversation it belongs to, or {@code null} for a text of the channel itself
     */
    public synchronized boolean collect(String conversationId, String text) {
        if (conversationId != null && this.conversationId != null && !this.conversationId.equals(conversationId)) {
            return false;
        }
        texts.add(text);
        return true;
    }

    /**
     * The handling is done (on its thread).
     *
     * @return the texts to send through the message API because the request gave up waiting; empty otherwise
     */
    public List<String> finish() {
        CURRENT.remove();
        synchronized (this) {
            done = true;
            notifyAll();
            return abandoned ? List.copyOf(texts) : List.of();
        }
    }

    /**
     * Waits for the handling until {@code deadlineNanos} ({@link System#nanoTime()}).
     *
     * @return the texts to answer with in the HTTP response; empty when the time ran out, and the texts will go
     * through the message API instead
     */
    public synchronized Optional<List<String>> await(long deadlineNanos) throws InterruptedException {
        while (!done) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                abandoned = true;
                return Optional.empty();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return Optional.of(List.copyOf(texts));
    }
}
