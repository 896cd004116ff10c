package io.kefu.server.ticket;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What reads as a 1–5 rating of a resolution, and what goes to the bot as usual. */
class TicketSurveysTest {

    @Test
    void ratingsAreReadFromTheButtonsDigitsChineseNumeralsAndWords() {
        for (String button : TicketSurveys.BUTTONS) {
            assertEquals(button.charAt(0) - '0', TicketSurveys.stars(button), button);
        }
        assertEquals(5, TicketSurveys.stars("5"));
        assertEquals(3, TicketSurveys.stars(" 3分 "));
        assertEquals(4, TicketSurveys.stars("四星"));
        assertEquals(4, TicketSurveys.stars("满意"));
        assertEquals(1, TicketSurveys.stars("非常不满意"));
    }

    @Test
    void anythingElseIsNotARating() {
        for (String text : new String[]{"6", "0分", "5G套餐", "13800138000", "我不满意你们的处理", "", "55"}) {
            assertNull(TicketSurveys.stars(text), text);
        }
        assertNull(TicketSurveys.stars(null));
    }
}
