package io.kefu.server.system;

import org.junit.jupiter.api.Test;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class SafeTextTest {

    private static final String EMOJI = "\uD83D\uDE00"; // a pair: one character, kept

    @Test
    void cleaningDropsUnpairedSurrogatesAndControlCharactersButKeepsPairsLineBreaksAndTabs() {
        assertEquals("您好", SafeText.clean("您好\ud800"));
        assertEquals("您好", SafeText.clean("\udc00您\u0000好\u007f"));
        assertEquals("第一行\n\t第二行" + EMOJI, SafeText.clean("第一行\r\n\t第二行" + EMOJI));
        String clean = "话费怎么查";
        assertSame(clean, SafeText.clean(clean));
    }

    @Test
    void encodableTextReplacesEachUnpairedSurrogateAndNothingElse() {
        assertEquals("您好\uFFFD，请稍等", SafeText.encodable("您好\ud800，请稍等"));
        assertEquals("\uFFFD" + EMOJI + "\uFFFD\uFFFD", SafeText.encodable("\udc00" + EMOJI + "\ud800\ud800"));
        assertEquals("\u0000控制字符", SafeText.encodable("\u0000控制字符"), "controls are the sender's business");
        String fine = "{\"text\":\"您好" + EMOJI + "\"}";
        assertSame(fine, SafeText.encodable(fine));
        assertDoesNotThrow(() -> utf8("前\ud800\udbff后\udfff"));
    }

    private static void utf8(String text) throws CharacterCodingException {
        StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(SafeText.encodable(text)));
    }
}
