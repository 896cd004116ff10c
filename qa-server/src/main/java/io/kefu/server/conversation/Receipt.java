package io.kefu.server.conversation;

/**
 * The channel's part while a customer message is handled: the message is acknowledged as soon as it is stored,
 * before the bot has answered.
 */
@FunctionalInterface
public interface Receipt {

    /**
     * @param message   the customer's message as stored
     * @param duplicate it had been stored before (a resend)
     * @param answering the bot is about to answer it
     */
    void stored(StoredMessage message, boolean duplicate, boolean answering);
}
