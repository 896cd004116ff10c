package io.kefu.server.ticket;

import io.kefu.qa.dialog.BotMessage;
import io.kefu.server.conversation.ConversationStore;
import io.kefu.server.system.KefuProperties;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * "我的报修进度" in chat: the tickets of the conversation's own visitor and where they stand, and nothing else. No
 * ticket id a customer types is looked up: ids alone reveal nothing, and slots are never echoed.
 */
@Component
class TicketStatusReplies {

    static final int SHOWN = 5;
    static final String NONE = "您目前没有工单记录。如需报修或留言，直接告诉我就可以。";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    private final JdbcTicketStore tickets;
    private final ConversationStore conversations;
    private final ZoneId zone;

    TicketStatusReplies(JdbcTicketStore tickets, ConversationStore conversations, KefuProperties properties) {
        this.tickets = tickets;
        this.conversations = conversations;
        this.zone = ZoneId.of(properties.handoff().zone());
    }

    BotMessage listFor(String conversation) {
        List<Ticket> own = conversations.visitorOf(conversation).map(v -> tickets.ofVisitor(v, SHOWN)).orElse(List.of());
        if (own.isEmpty()) return answer(NONE);
        var text = new StringBuilder("您最近的工单：\n\n");
        int n = 0;
        for (Ticket t : own) {
            text.append(++n).append(". ").append(t.id()).append(" ").append(t.kind().label()).append("，")
                    .append(DAY.format(t.created().atZone(zone))).append("提交，").append(t.status().label());
            if (t.resolutionNote() != null && !t.status().active()) text.append("：").append(t.resolutionNote());
            text.append('\n');
        }
        return answer(text.toString().strip());
    }

    private static BotMessage answer(String text) {
        return new BotMessage(BotMessage.Kind.ANSWER, text, null, List.of(), List.of());
    }
}
