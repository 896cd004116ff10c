package io.kefu.qa.intent;

import io.kefu.qa.normalize.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in intents on what customers really type, through the normaliser as the pipeline runs it. */
class BuiltinIntentsTest {

    private final IntentMatcher matcher = IntentMatcher.compile(IntentFiles.builtin());
    private final TextNormalizer normalizer = new TextNormalizer();

    private List<IntentMatch> match(String question) {
        return matcher.match(normalizer.normalize(question).text());
    }

    @Test
    void eachIntentOnItsEverydayPhrasings() {
        Map<String, List<String>> phrasings = Map.of(
                "greeting", List.of("你好", "您好！", "在吗？", "你好，在吗", "hello", "Hi", "客服在吗", "早上好"),
                "thanks", List.of("谢谢", "谢谢你", "多谢！", "非常感谢", "辛苦了", "thank you"),
                "goodbye", List.of("再见", "拜拜", "bye", "没别的问题了", "好的再见"),
                "human", List.of("转人工", "人工客服", "找真人", "我要人工", "真人服务", "帮我转接人工客服", "我想和人工聊"),
                "complaint", List.of("投诉", "举报", "太差了", "我要投诉你们", "你们服务太差了", "垃圾服务"),
                "affirm", List.of("是的", "对", "好的", "嗯", "嗯嗯", "可以", "OK"),
                "deny", List.of("不是", "不对", "没有", "没有了", "不是的"),
                "cancel", List.of("算了", "不用了", "不需要", "取消", "不办了", "我先不办了"),
                "chitchat", List.of("你是谁", "你是机器人吗", "你叫什么", "你叫什么名字"));
        var wrong = new ArrayList<String>();
        phrasings.forEach((intent, questions) -> {
            for (String question : questions) {
                List<IntentMatch> hits = match(question);
                if (hits.isEmpty() || !hits.get(0).intent().equals(intent) || !hits.get(0).exact()) {
                    wrong.add(question + " → " + (hits.isEmpty() ? "nothing" : hits.get(0).intent() + (hits.get(0).exact() ? "" : " (partial)")));
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void sharedWordsGiveBothIntentsCancelFirst() {
        List<IntentMatch> hits = match("不用了");
        assertEquals("cancel", hits.get(0).intent());
        assertTrue(hits.stream().anyMatch(h -> h.intent().equals("deny") && h.exact()), "a dialogue that asked a yes/no question can still read it as no");
    }

    @Test
    void politeFillerAroundARealQuestionIsNotAGreeting() {
        // the normaliser strips 你好 and 谢谢 at the edges of a longer question
        assertTrue(match("你好，请问话费怎么查？谢谢").stream().noneMatch(h -> h.intent().equals("greeting") || h.intent().equals("thanks")));
    }

    @Test
    void askingForAHumanOutranksWhateverElseTheMessageSays() {
        assertEquals("human", match("宽带又坏了，太差了，转人工").get(0).intent());
        assertTrue(match("宽带又坏了，太差了，转人工").stream().anyMatch(h -> h.intent().equals("complaint")));
    }

    @Test
    void aQuestionAboutComplaintsStillShowsTheComplaintWordButNotExactly() {
        IntentMatch hit = match("投诉电话是多少").get(0);
        assertEquals("complaint", hit.intent());
        assertTrue(!hit.exact() && hit.coverage() < 0.5, "the FAQ answers this one; the ranking stage compares");
    }
}
