package io.kefu.server.wechat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What answers one follower message while it may still go back in the HTTP response (WeChat's passive reply):
 * the texts delivered to the follower's conversation on the thread handling the message are collected here
 * ({@link #current()}). When the request's budget runs out first, the request answers {@code success} and the texts,
 * those collected and any later ones, go out through the message API once the handling is done, in their order.
 */
public final class PassiveReply {

    private static final ThreadLocal<PassiveReply> CURRENT = new ThreadLocal<>();

    private final ReentrantLock lock = new ReentrantLock();
    private final CompletableFuture<Optional<List<String>>> passive = new CompletableFuture<>();
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
    public void inConversation(String id, Choices offered) {
        lock.lock();
        try {
            this.conversationId = id;
            this.choices = offered;
        } finally {
            lock.unlock();
        }
    }

    /** The numbered choices the follower was last offered. */
    public Choices choices() {
        lock.lock();
        try {
            return choices;
        } finally {
            lock.unlock();
        }
    }

    public void offered(Choices now) {
        lock.lock();
        try {
            this.choices = now;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes a text for the reply: false when it is for another conversation (the caller sends it itself).
     *
     * @param conversationId the conversation it belongs to, or {@code null} for a text of the channel itself
     */
    public boolean collect(String conversationId, String text) {
        lock.lock();
        try {
            if (conversationId != null && this.conversationId != null && !this.conversationId.equals(conversationId)) {
                return false;
            }
            texts.add(text);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The handling is done (on its thread).
     *
     * @return the texts to send through the message API because the request gave up waiting; empty otherwise
     */
    public List<String> finish() {
        CURRENT.remove();
        List<String> collected;
        lock.lock();
        try {
            done = true;
            collected = List.copyOf(texts);
            if (abandoned) return collected;
        } finally {
            lock.unlock();
        }
        passive.complete(Optional.of(collected));
        return List.of();
    }

    /**
     * The texts to answer with in the HTTP response, once the handling is done; empty when {@link #expire} came first
     * and the texts go through the message API instead. No thread waits for it.
     */
    public CompletableFuture<Optional<List<String>>> passive() {
        return passive;
    }

    /** The request's budget is spent: if the handling is not done, the request answers {@code success} now. */
    public void expire() {
        lock.lock();
        try {
            if (done) return;
            abandoned = true;
        } finally {
            lock.unlock();
        }
        passive.complete(Optional.empty());
    }
}
