package io.kefu.qa.intent;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class PersonalNumbersTest {

    @Test
    void masksMobileIdAndCardNumbersInText() {
        assertEquals("手机138****5678欠费了", PersonalNumbers.maskText("手机13812345678欠费了"));
        assertEquals("+86 139****0000", PersonalNumbers.maskText("+86 13912340000"));
        assertEquals("身份证110***********123X", PersonalNumbers.maskText("身份证11010519491231123X"));
        assertEquals("卡号************4321", PersonalNumbers.maskText("卡号6222021234564321"));
        assertEquals("卡号 **** **** **** 4321 丢了", PersonalNumbers.maskText("卡号 6222 0212 3456 4321 丢了"));
        assertEquals("１３８****５６７８", PersonalNumbers.maskText("１３８１２３４５６７８"));
    }

    @Test
    void leavesOrdinaryNumbersInTextAlone() {
        assertEquals("拨打 10099 或 95990，套餐 58 元，订单 2024", PersonalNumbers.maskText("拨打 10099 或 95990，套餐 58 元，订单 2024"));
        assertEquals("12345678901234", PersonalNumbers.maskText("12345678901234"));
    }

    /** The reason there is one class: a log line and an echoed reply show the same digits of the same number. */
    @Test
    void aRecognisedSlotValueIsMaskedAsTheSameNumberInText() {
        var recognizer = new SlotRecognizer(List.of(new DigitScanner()), Set.of("mobile", "id_card", "bank_card"));
        for (String number : List.of("13812345678", "11010519491231002X", "6222021234564321", "6222021234567890128")) {
            String text = "号码是" + number + "。";
            List<Recognition> found = recognizer.recognize(text);
            assertEquals(1, found.size(), number + ": " + found);
            String masked = found.get(0).toSlotValue(text).masked();
            assertEquals(PersonalNumbers.maskText(number), masked, number);
            assertNotEquals(number, masked);
        }
    }

    @Test
    void aValueTooShortToHideAnythingIsHiddenWhole() {
        assertEquals("*******", PersonalNumbers.maskValue("mobile", "1380013"));
        assertEquals("***", PersonalNumbers.maskValue("bank_card", "123"));
        assertEquals("宽带", PersonalNumbers.maskValue("product", "宽带"));
    }
}
