package io.kefu.qa.eval;

import io.kefu.qa.KnowledgeFolder;
import io.kefu.qa.QaBot;
import io.kefu.qa.dialog.Dialogue;
import io.kefu.qa.dialog.DialogueState;
import io.kefu.qa.dialog.Turn;
import io.kefu.qa.rank.RankingModel;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The dialogue the server answers with, built from a knowledge folder the way the server builds it (its FAQ,
 * lexicon, intents, forms and texts), for the {@code actions} and {@code conversations} commands. The clock stands
 * still, so relative dates read the same in every run and no form times out.
 */
final class DialogueHarness implements AutoCloseable {

    /** The moment every evaluated message is sent at. */
    static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

    private final QaBot bot;
    private final Dialogue dialogue;

    /** @param model a ranking model to use instead of the folder's own, or null */
    DialogueHarness(KnowledgeFolder folder, RankingModel model) {
        QaBot.Builder builder = folder.botBuilder();
        this.bot = (model == null ? builder : builder.model(model)).build();
        this.dialogue = Dialogue.builder(bot).forms(folder.forms()).texts(folder.texts())
                .clock(Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"))).build();
    }

    /** The bot's turn for one message in a state, and what it amounted to. */
    Played play(DialogueState state, String text) {
        Turn turn = dialogue.respond(state, text);
        return new Played(turn, DialogueOutcome.of(state, turn));
    }

    /** One message played. */
    record Played(Turn turn, DialogueOutcome outcome) {
    }

    @Override
    public void close() {
        bot.close();
    }
}
