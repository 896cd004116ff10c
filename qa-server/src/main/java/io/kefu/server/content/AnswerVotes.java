package io.kefu.server.content;

import io.kefu.server.conversation.ConversationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * A customer's 有帮助 / 没帮助 on one of the bot's answers in their own conversation (the chat channel checks whose
 * conversation it is): one vote per answer, stored beside the answer's decision.
 */
@Service
public class AnswerVotes {

    private final JdbcClient jdbc;
    private final Clock clock;

    AnswerVotes(JdbcClient jdbc, Clock contentClock) {
        this.jdbc = jdbc;
        this.clock = contentClock;
    }

    public void vote(String conversationId, long seq, boolean helpful) {
        boolean answer = jdbc.sql("select count(*) from messages where conversation_id = ? and seq = ? "
                        + "and sender = 'bot' and decision_kind = 'answer'")
                .params(conversationId, seq).query(Long.class).single() > 0;
        if (!answer) throw new ConversationException("bad_vote", "只能评价机器人的回答。");
        try {
            jdbc.sql("insert into answer_votes (conversation_id, seq, helpful, created_at) values (?, ?, ?, ?)")
                    .params(conversationId, seq, helpful, clock.instant().atOffset(ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException e) {
            throw new ConversationException("already_voted", "您已评价过这条回答，谢谢。");
        }
    }
}
