package io.kefu.server.chat;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PersonalDataMaskTest {

    @Test
    void masksMobileIdAndCardNumbers() {
        assertEquals("手机138****5678欠费了", PersonalDataMask.mask("手机13812345678欠费了"));
        assertEquals("+86 139****0000", PersonalDataMask.mask("+86 13912340000"));
        assertEquals("身份证110***********123X", PersonalDataMask.mask("身份证11010519491231123X"));
        assertEquals("卡号************4321", PersonalDataMask.mask("卡号6222021234564321"));
        assertEquals("卡号 **** **** **** 4321 丢了", PersonalDataMask.mask("卡号 6222 0212 3456 4321 丢了"));
        assertEquals("１３８****５６７８", PersonalDataMask.mask("１３８１２３４５６７８"));
    }

    @Test
    void leavesOrdinaryNumbersAlone() {
        assertEquals("拨打 10099 或 95990，套餐 58 元，订单 2024", PersonalDataMask.mask("拨打 10099 或 95990，套餐 58 元，订单 2024"));
        assertEquals("12345678901234", PersonalDataMask.mask("12345678901234"));
    }
}
