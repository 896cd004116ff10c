package io.kefu.qa.intent;

import io.kefu.qa.KnowledgeException;
import io.kefu.qa.normalize.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The matcher through its public API, on questions as customers type them. */
class IntentMatcherTest {

    private static final String CONTENT = """
            entities:
              product:
                宽带: [网络, 光纤]
                话费: [电话费]
            intents:
              - name: bill_query
                priority: 10
                slots: {phone: mobile, month: date}
                templates:
                  - "[帮我|我要|我想]查[一下|询]{phone?}的(话费|余额)"
                  - "查[一下]{month}的账单"
              - name: product_fault
                priority: 10
                templates:
                  - "[我家]{product}坏了"
              - name: top_up
                priority: 8
                slots: {money: amount}
                templates:
                  - "[帮我|给我]充{money}[话费]"
              - name: strict_bill
                priority: 10
                slots: {phone: mobile}
                templates:
                  - "看[{phone}的]账单"
              - name: product_question
                priority: 1
                templates:
                  - "{product}"
                  - text: "查话费"
                    priority: 12
              - name: greeting
                priority: 3
                templates:
                  - (你好|hi|hello)
            """;

    private static final Clock NOV_22 = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private final IntentMatcher matcher = IntentMatcher.compile(
            IntentFiles.parse("test.yaml", new ByteArrayInputStream(CONTENT.getBytes(StandardCharsets.UTF_8))), NOV_22);
    private final TextNormalizer normalizer = new TextNormalizer();

    private List<IntentMatch> match(String question) {
        return matcher.match(normalizer.normalize(question).text());
    }

    private IntentMatch top(String question) {
        List<IntentMatch> hits = match(question);
        assertFalse(hits.isEmpty(), "no hit for " + question);
        return hits.get(0);
    }

    @Test
    void theExampleTemplateFillsItsSlotWithTheNumber() {
        IntentMatch hit = top("帮我查一下13800138000的话费");
        assertEquals("bill_query", hit.intent());
        assertTrue(hit.exact());
        assertEquals(1.0, hit.coverage());
        SlotValue phone = hit.slots().get("phone");
        assertEquals("13800138000", phone.value());
        assertEquals("138****8000", phone.masked());
        assertEquals("mobile", phone.type());
        assertEquals("13800138000", "帮我查一下13800138000的话费".substring(phone.start(), phone.end()));
    }

    @Test
    void anOptionalSlotMayBeLeftOut() {
        IntentMatch hit = top("我想查询的余额");
        assertEquals("bill_query", hit.intent());
        assertTrue(hit.exact());
        assertEquals(Map.of(), hit.slots());
    }

    @Test
    void aSlotMatchesOnlyAValueOfItsType() {
        // 宽带 is a product, not a mobile number: {phone?} cannot take it, and the literal template does not fit
        assertTrue(match("查一下宽带的话费").stream().noneMatch(h -> h.intent().equals("bill_query") && h.exact()));
        assertEquals("138****8000", top("查13800138000的话费").slots().get("phone").masked());
    }

    @Test
    void synonymsGiveTheCanonicalValue() {
        IntentMatch hit = top("我家光纤坏了");
        assertEquals("product_fault", hit.intent());
        assertEquals("宽带", hit.slots().get("product").value());
        assertEquals("光纤", hit.slots().get("product").text());
    }

    @Test
    void aDictionaryValueCanStillBeTheLiteralWordOfATemplate() {
        // 话费 is in the product dictionary and also the literal text of 查话费: both readings are tried
        IntentMatch hit = top("查话费");
        assertEquals("product_question", hit.intent());
        assertEquals("查话费", hit.template());
        assertEquals(12, hit.priority(), "the template's own priority overrides the intent's");
        assertTrue(hit.exact());
    }

    @Test
    void amountsAndDatesReachTheirSlots() {
        assertEquals("50", top("给我充五十块钱话费").slots().get("money").value());
        assertEquals("100", top("充100元").slots().get("money").value());
        IntentMatch bill = top("查一下上个月的账单");
        assertEquals("bill_query", bill.intent());
        assertEquals("2026-10", bill.slots().get("month").value());
    }

    @Test
    void aRequiredSlotLeftOutByAnOptionalPartIsNotExact() {
        IntentMatch without = top("看账单");
        assertEquals("strict_bill", without.intent());
        assertFalse(without.exact(), "{phone} is required; the template only tolerates its absence");
        assertTrue(top("看13800138000的账单").exact());
    }

    @Test
    void partialHitsReportTheirCoverageAndComeAfterExactOnes() {
        IntentMatch hit = top("我家宽带坏了怎么办");
        assertEquals("product_fault", hit.intent());
        assertFalse(hit.exact());
        assertEquals(6.0 / 9, hit.coverage(), 1e-9);
        List<IntentMatch> hits = match("光纤坏了");
        assertEquals(List.of("product_fault", "product_question"), hits.stream().map(IntentMatch::intent).toList(),
                "the exact hit first, the partial {product} hit after, one hit per intent");
        assertTrue(hits.get(1).coverage() < 1);
    }

    @Test
    void priorityOrdersEquallyExactHits() {
        IntentSet content = IntentFiles.parse("p.yaml", new ByteArrayInputStream("""
                intents:
                  - {name: deny, priority: 5, templates: [不用了]}
                  - {name: cancel, priority: 12, templates: ["(算了|不用了)"]}
                """.getBytes(StandardCharsets.UTF_8)));
        List<IntentMatch> hits = IntentMatcher.compile(content).match("不用了");
        assertEquals(List.of("cancel", "deny"), hits.stream().map(IntentMatch::intent).toList());
        assertTrue(hits.get(0).exact() && hits.get(1).exact());
    }

    @Test
    void asciiWordsMatchWholeWordsOnly() {
        assertEquals("greeting", top("hi").intent());
        assertTrue(match("hifi耳机").isEmpty(), "hi is not a greeting inside hifi");
        assertEquals("greeting", top("hi 在吗").intent());
    }

    @Test
    void nothingFoundIsAnEmptyList() {
        assertEquals(List.of(), match("今天天气怎么样"));
        assertEquals(List.of(), matcher.match(""));
        assertEquals(List.of(), matcher.match(null));
    }

    @Test
    void aMarkerCharacterInTheInputCannotForgeASlot() {
        // U+E000 is the mobile marker inside the matcher; typed by a customer it is only a space
        assertTrue(matcher.match("查\uE000的话费").stream().noneMatch(h -> h.slots().containsKey("phone")));
    }

    @Test
    void manyAmbiguousSpansStillGiveTheRightReading() {
        // ten dictionary values: 2^10 readings unless the matcher bounds them
        String text = "光纤网络光纤网络光纤网络光纤网络光纤网络坏了";
        IntentMatch hit = matcher.match(text).get(0);
        assertEquals("product_fault", hit.intent());
        assertEquals("宽带", hit.slots().get("product").value());
    }

    @Test
    void anUnknownSlotTypeIsRejectedWhenCompilingWithFileIntentAndTemplate() {
        IntentSet content = IntentFiles.parse("intents/bad.yaml", new ByteArrayInputStream("""
                intents:
                  - name: top_up
                    templates: ["充{money}"]
                """.getBytes(StandardCharsets.UTF_8)));
        var e = assertThrows(KnowledgeException.class, () -> IntentMatcher.compile(content));
        assertTrue(e.getMessage().startsWith("intents/bad.yaml intent top_up template '充{money}'"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown slot type 'money'"), e.getMessage());
    }

    @Test
    void theIntentOfAHitCanBeLookedUp() {
        assertEquals(Map.of("phone", "mobile", "month", "date"), matcher.intents().intent("bill_query").orElseThrow().slots());
        assertTrue(matcher.intents().intent("nothing").isEmpty());
        assertEquals(4 * 3 * 2 * 2 + 2 + 2 + 3 * 2 + 2 + 1 + 1 + 3, matcher.patterns(), "every expansion of every template");
    }
}
