package io.kefu.qa;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Entries withheld (outside their validity dates) are neither answered nor suggested, and come back at once. */
class QaBotWithholdTest {

    private static QaBot bot;

    @BeforeAll
    static void start() {
        bot = Fixtures.bot();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void aWithheldEntryIsNeitherAnsweredNorSuggestedUntilReleased() {
        String question = "彩铃不想要了，怎么关掉";
        assertEquals("ringtone-close", bot.ask(question).id());

        bot.withhold(Set.of("ringtone-close"));
        try {
            Reply withheld = bot.ask(question);
            assertNotEquals("ringtone-close", withheld.id());
            assertTrue(withheld.trace().candidates().stream().noneMatch(c -> c.id().equals("ringtone-close")));
            assertTrue(withheld.suggestions().stream().noneMatch(s -> s.id().equals("ringtone-close")));
            // a suggestion button shown before it was withheld no longer answers with it either
            assertNotEquals("ringtone-close", bot.choose(question, "ringtone-close").id());
        } finally {
            bot.withhold(List.of());
        }
        assertEquals("ringtone-close", bot.ask(question).id());
        assertFalse(bot.ask(question).trace().candidates().isEmpty());
    }
}
