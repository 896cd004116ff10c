package io.kefu.qa.normalize;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    private String normalize(String raw) {
        return normalizer.normalize(raw).text();
    }

    @Test
    void fullWidthLettersAndDigitsBecomeHalfWidthLowerCase() {
        assertEquals("app登录不了 5g", normalize("ＡＰＰ登录不了，５Ｇ"));
    }

    @Test
    void traditionalBecomesSimplifiedWithoutRewritingTaiwaneseUsage() {
        // HanLP's tw2s turns 查詢 into 查找; t2s keeps the word
        assertEquals("查询话费", normalize("查詢話費"));
        assertEquals("怎么开通国际漫游", normalize("怎麼開通國際漫遊"));
    }

    @Test
    void punctuationAndEmojiBecomeSeparators() {
        assertEquals("宽带坏了 怎么办", normalize("宽带坏了😭！！怎么办？？"));
    }

    @Test
    void politeFillerAtTheEdgesIsDropped() {
        assertEquals("话费怎么查", normalize("你好，请问话费怎么查？谢谢！"));
        assertEquals("话费怎么查", normalize("您好 话费怎么查 谢谢您"));
    }

    @Test
    void fillerAloneIsKeptSoAGreetingStaysAGreeting() {
        assertEquals("你好", normalize("你好！"));
    }

    @Test
    void numbersAndLetterRunsStayWhole() {
        assertEquals("13800138000 充值100元", normalize("13800138000 充值100元"));
        assertEquals("10086 hifi", normalize("10086 HiFi"));
    }

    @Test
    void aDecimalPointBetweenDigitsIsKept() {
        assertEquals("充了100.5元", normalize("充了100.5元"));
        assertEquals("充了100.5元", normalize("充了１００．５元"));
        assertEquals("5g 好用", normalize("5G.好用"));
    }

    @Test
    void nullAndBlankAreEmpty() {
        assertEquals("", normalize(null));
        assertEquals("", normalize("  ？！ "));
    }

    @Test
    void hugeInputIsClipped() {
        assertEquals(500, normalize("话".repeat(100_000)).length());
    }
}
