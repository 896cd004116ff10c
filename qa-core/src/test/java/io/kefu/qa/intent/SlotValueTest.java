package io.kefu.qa.intent;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlotValueTest {

    @Test
    void personalNumbersAreMaskedForLogs() {
        assertEquals("138****8000", new SlotValue("mobile", "138 0013 8000", 0, 13, "13800138000").masked());
        assertEquals("110***********002X", new SlotValue("id_card", "11010519491231002x", 0, 18, "11010519491231002X").masked());
        assertEquals("***************0128", new SlotValue("bank_card", "6222021234567890128", 0, 19, "6222021234567890128").masked());
    }

    @Test
    void amountsDatesAndEntitiesAreNotMasked() {
        assertEquals("50", new SlotValue("amount", "五十块", 0, 3, "50").masked());
        assertEquals("2026-10", new SlotValue("date", "上个月", 0, 3, "2026-10").masked());
        assertEquals("宽带", new SlotValue("product", "光纤", 0, 2, "宽带").masked());
    }

    @Test
    void toStringNeverShowsTheFullNumber() {
        String logged = new SlotValue("bank_card", "6222 0212 3456 7890 128", 3, 26, "6222021234567890128").toString();
        assertFalse(logged.contains("6222"), logged);
        assertTrue(logged.contains("****0128"), logged);
    }
}
