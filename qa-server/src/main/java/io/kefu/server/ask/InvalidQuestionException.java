package io.kefu.server.ask;

/** A question the bot will not try to answer (empty, too long); its message is shown to the customer. */
public class InvalidQuestionException extends RuntimeException {

    public InvalidQuestionException(String customerMessage) {
        super(customerMessage);
    }
}
