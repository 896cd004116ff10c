package io.kefu.server.ask;

import io.kefu.server.system.BadRequestException;

/** A question the bot will not try to answer (empty, too long); its message is shown to the customer. */
public class InvalidQuestionException extends BadRequestException {

    public InvalidQuestionException(String customerMessage) {
        super(customerMessage);
    }
}
