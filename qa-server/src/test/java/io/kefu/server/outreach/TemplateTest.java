package io.kefu.server.outreach;

import io.kefu.server.system.BadRequestException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateTest {

    private final Template bill = new Template("bill_due", 1, "账单", "您的账单 {{amount}} 元将于 {{due}} 到期，{{amount}} 元。",
            List.of("怎么交话费"));

    @Test
    void everyPlaceholderIsFilledAsPlainText() {
        assertEquals(Set.of("amount", "due"), bill.variables());
        assertEquals("您的账单 88 元将于 12月10日 到期，88 元。", bill.render(Map.of("amount", " 88 ", "due", "12月10日")));
        assertEquals("您的账单 8 8 元将于 $1\\ 到期，8 8 元。", bill.render(Map.of("amount", "8\n8", "due", "$1\\")),
                "control characters become spaces; $ and \\ are not replacement syntax");
    }

    @Test
    void missingUnknownAndOverlongVariablesAreRefused() {
        var missing = assertThrows(BadRequestException.class, () -> bill.render(Map.of("amount", "88")));
        assertTrue(missing.getMessage().contains("due"));
        var unknown = assertThrows(BadRequestException.class,
                () -> bill.render(Map.of("amount", "1", "due", "2", "<x>", "3")));
        assertTrue(unknown.getMessage().contains("?x?"), unknown.getMessage());
        assertThrows(BadRequestException.class, () -> bill.render(Map.of("amount", "9".repeat(101), "due", "1")));
        assertThrows(BadRequestException.class, () -> bill.render(Map.of("amount", "  ", "due", "1")));
    }
}
