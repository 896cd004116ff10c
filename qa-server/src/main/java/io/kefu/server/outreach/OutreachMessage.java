package io.kefu.server.outreach;

import java.time.Instant;
import java.util.List;

/**
 * A proactive message as stored.
 *
 * @param notBefore      not shown before this moment (the end of quiet hours)
 * @param conversationId where it was shown, once delivered
 * @param seq            its number in that conversation
 */
record OutreachMessage(String id, String customerId, String templateId, int templateVersion, String body,
                       List<String> buttons, OutreachStatus status, Instant notBefore, Instant createdAt,
                       Instant deliveredAt, String conversationId, Long seq) {

    OutreachMessage {
        buttons = List.copyOf(buttons);
    }
}
