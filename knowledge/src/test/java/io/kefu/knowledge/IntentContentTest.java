package io.kefu.knowledge;

import io.kefu.qa.intent.IntentMatch;
import io.kefu.qa.intent.IntentMatcher;
import io.kefu.qa.intent.IntentSet;
import io.kefu.qa.normalize.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled intents: they compile (every slot type is defined) and recognise the requests they are for. */
class IntentContentTest {

    private static final Clock NOV_22 = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private final IntentSet intents = Demo.KNOWLEDGE.intents();
    private final IntentMatcher matcher = IntentMatcher.compile(intents, NOV_22);
    private final TextNormalizer normalizer = new TextNormalizer();

    private IntentMatch top(String question) {
        List<IntentMatch> hits = matcher.match(normalizer.normalize(question).text());
        return hits.isEmpty() ? null : hits.get(0);
    }

    @Test
    void theTransactionalIntentsAreThereWithTheSlotsTheirFormsNeed() {
        assertEquals("mobile", intents.intent("bill_query").orElseThrow().slotType("phone"));
        assertEquals("mobile", intents.intent("data_query").orElseThrow().slotType("phone"));
        assertEquals("number", intents.intent("fault_report").orElseThrow().slotType("account"));
        assertEquals("fault", intents.intent("fault_report").orElseThrow().slotType("problem"));
        assertEquals("bank_card", intents.intent("card_loss").orElseThrow().slotType("card"));
        assertTrue(intents.intent("human").isPresent(), "the built-ins come along");
    }

    @Test
    void requestsAreRecognisedExactlyWithTheirSlots() {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("帮我查一下13800138000的话费", "bill_query phone=138****8000");
        expected.put("查一下话费", "bill_query");
        expected.put("我的话费还剩多少", "bill_query");
        expected.put("查一下上个月的账单", "bill_query month=2026-10");
        expected.put("查下流量", "data_query");
        expected.put("我的流量还剩多少", "data_query");
        expected.put("我家宽带坏了", "fault_report device=宽带");
        expected.put("家里没网了", "fault_report problem=断网");
        expected.put("光纤老是掉线", "fault_report device=宽带 problem=断网");
        expected.put("我要报修", "fault_report");
        expected.put("光猫亮红灯了", "fault_report device=光猫 problem=光猫亮红灯");
        expected.put("我要挂失银行卡", "card_loss kind=银行卡");
        expected.put("信用卡丢了赶紧挂失", "card_loss kind=信用卡");
        expected.put("6222021234567890128这张卡挂失", "card_loss card=***************0128 kind=银行卡");
        expected.put("转人工", "human");
        expected.put("我的报修进度", "ticket_status");
        expected.put("查一下工单", "ticket_status");
        expected.put("帮我查下我的投诉处理进度", "ticket_status");
        expected.put("我的工单怎么样了", "ticket_status");
        var wrong = new ArrayList<String>();
        expected.forEach((question, want) -> {
            IntentMatch hit = top(question);
            String got = hit == null ? "nothing" : hit.intent() + (hit.exact() ? "" : " (partial)")
                    + hit.slots().entrySet().stream().map(e -> " " + e.getKey() + "=" + e.getValue().masked()).reduce("", String::concat);
            if (!got.equals(want)) wrong.add(question + ": expected " + want + ", got " + got);
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void askingHowIsLeftToTheFaq() {
        // "how do I check my bill" is a question for the FAQ; only "check it for me" is a request
        for (String question : List.of("怎么查话费", "银行卡丢了怎么挂失", "宽带报修后多久有人来修",
                "投诉的工单号忘了，怎么看处理到哪了", "怎么查询投诉处理进度")) {
            IntentMatch hit = top(question);
            assertTrue(hit == null || !hit.exact(), question + " → " + hit);
        }
        assertFalse(top("怎么查话费").exact());
    }
}
