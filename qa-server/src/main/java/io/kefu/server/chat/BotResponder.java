package io.kefu.server.chat;

import io.kefu.qa.QaBot;
import io.kefu.qa.Reply;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The bot's side of a conversation: a customer message in, the bot's messages out. The one place that decides what
 * the bot says, so that multi-turn dialogue (forms, intents such as 转人工) plugs in here without touching the
 * protocol or storage code.
 */
@Component
public class BotResponder {

    /** The text the 转人工 buttons send. */
    public static final String HANDOFF_REQUEST = "转人工";

    private final QaBot bot;

    public BotResponder(QaBot bot) {
        this.bot = bot;
    }

    /**
     * @param conversation the conversation the message belongs to
     * @param text         what the customer typed or clicked
     */
    public BotTurn respond(Conversation conversation, String text) {
        if (text.strip().equals(HANDOFF_REQUEST)) return handoff();
        Reply reply = bot.ask(text);
        var decision = new BotDecision(reply.kind().wireName(), reply.id(), reply.score(),
                reply.trace().decidedBy(), reply.trace().micros());
        OutgoingMessage message = switch (reply.kind()) {
            case ANSWER -> new OutgoingMessage("answer", reply.answer(), reply.suggestions(), List.of());
            case CLARIFY -> new OutgoingMessage("clarify", "您是不是想问：", reply.suggestions(), List.of());
            case NONE -> new OutgoingMessage("none",
                    "抱歉，暂时没有找到相关答案。您可以换个说法再问一次，或者转人工客服。", List.of(), List.of(HANDOFF_REQUEST));
        };
        return new BotTurn(List.of(message), decision);
    }

    /** Until agents can take conversations over, a hand-off request gets an honest notice. */
    private static BotTurn handoff() {
        var notice = new OutgoingMessage("handoff",
                "已收到您的转人工请求。人工客服暂未上线，请您先描述问题，智能客服会尽力为您解答。", List.of(), List.of());
        return new BotTurn(List.of(notice), new BotDecision("handoff", null, 0, "handoff-request", 0));
    }
}
