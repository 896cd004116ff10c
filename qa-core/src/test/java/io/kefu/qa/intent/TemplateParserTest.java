package io.kefu.qa.intent;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateParserTest {

    /** Expansions spelled with slots as {name}, sorted, for comparison. */
    private static List<String> spelled(String template) {
        return TemplateParser.expand(template).stream().map(e -> e.pieces().stream()
                .map(p -> p instanceof Expansion.Text t ? t.text() : "{" + ((Expansion.Slot) p).name() + "}")
                .collect(Collectors.joining())).sorted().toList();
    }

    private static String rejection(String template) {
        return assertThrows(IllegalArgumentException.class, () -> TemplateParser.expand(template)).getMessage();
    }

    @Test
    void optionalPartsAlternativesAndOptionalSlotsMultiplyOut() {
        List<String> all = spelled("[帮我|我要|我想]查[一下|询]{phone?}的(话费|余额)");
        assertEquals(4 * 3 * 2 * 2, all.size());
        assertTrue(all.contains("帮我查一下{phone}的话费"));
        assertTrue(all.contains("查的余额"), "every optional part left out");
        assertTrue(all.contains("我想查询{phone}的余额"));
    }

    @Test
    void groupsNest() {
        assertEquals(Set.of("查一下话费", "查一下余额", "查话费", "查余额", "看看账单"), Set.copyOf(spelled("(查[一下](话费|余额)|看看账单)")));
        assertEquals(Set.of("宽带坏了", "宽带报", "宽带报修", "我家宽带坏了", "我家宽带报", "我家宽带报修"),
                Set.copyOf(spelled("[我家]宽带(坏了|报[修])")));
    }

    @Test
    void optionalAlternativesAndATopLevelBar() {
        assertEquals(Set.of("不用", "不用了", "算了"), Set.copyOf(spelled("算了|不用[了]")));
        assertEquals(Set.of("人工", "人工客服", "人工服务"), Set.copyOf(spelled("人工[客服|服务]")));
    }

    @Test
    void duplicateExpansionsCountOnce() {
        assertEquals(List.of("挂失", "挂失{card}"), spelled("挂失[{card?}]"), "[{card?}] is not three expansions");
    }

    @Test
    void spellingIsFoldedAsTheNormaliserFoldsQuestionsAndSpacesAreIgnored() {
        assertEquals(List.of("thankyou"), spelled("Thank You"));
        assertEquals(List.of("5g套餐"), spelled("５Ｇ套餐"));
        assertEquals(Set.of("话费", "余额"), Set.copyOf(spelled("（话费｜余额）")), "full-width brackets from a Chinese input method");
    }

    @Test
    void unbalancedBracketsAreRejectedWithThePosition() {
        assertTrue(rejection("[帮我查话费").contains("'[' at position 1 is never closed"), rejection("[帮我查话费"));
        assertTrue(rejection("查话费)").contains("')' at position 4 closes nothing"));
        assertTrue(rejection("(查话费]").contains("']' at position 5 where ')' was expected"));
        assertTrue(rejection("查{phone的话费").contains("'{' at position 2 is never closed"));
    }

    @Test
    void emptyAlternativesAreRejected() {
        assertTrue(rejection("查()").contains("empty alternative"));
        assertTrue(rejection("查[]话费").contains("empty alternative"));
        assertTrue(rejection("查(话费|)").contains("empty alternative"));
        assertTrue(rejection("").contains("empty template"));
        assertTrue(rejection("[你好]").contains("match empty text"));
    }

    @Test
    void punctuationAndBadSlotNamesAreRejected() {
        assertTrue(rejection("话费怎么查？").contains("can never match"), "the normaliser turns ？ into a space");
        assertTrue(rejection("查{Phone}").contains("bad slot name"));
        assertTrue(rejection("查{}").contains("bad slot name"));
        assertTrue(rejection("{phone}转{phone}").contains("slot {phone} appears twice"));
    }

    @Test
    void tooManyExpansionsAreRejectedWithAClearMessage() {
        String template = "[a|b][c|d][e|f][g|h][i|j][k|l][m|n][o|p]x"; // 3^8 = 6561
        assertTrue(rejection(template).contains("more than 512 concrete patterns"));
        assertEquals(256, TemplateParser.expand("[a][b][c][d][e][f][g][h]x").size());
    }
}
