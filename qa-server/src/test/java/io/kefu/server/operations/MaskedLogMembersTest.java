package io.kefu.server.operations;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MaskedLogMembersTest {

    @Test
    void personalNumbersInAnyLoggedTextAreMasked() {
        assertEquals("客户 138****8000 的卡 ************1234 身份证 110***********1234",
                MaskedLogMembers.mask("客户 13800138000 的卡 6222021234561234 身份证 110101199001011234"));
        assertEquals("conversation 7f1c-22 took 12 ms", MaskedLogMembers.mask("conversation 7f1c-22 took 12 ms"));
        assertNull(MaskedLogMembers.mask(null));
    }
}
