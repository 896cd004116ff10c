package io.kefu.qa.intent;

import io.kefu.qa.KnowledgeException;
import io.kefu.qa.normalize.NormalizedText;
import io.kefu.qa.normalize.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a hit says about how the message puts it: exact despite filler, whole-message intents, and its mood. */
class MoodAndFillerTest {

    private static final String CONTENT = """
            intents:
              - name: repair
                priority: 10
                slots: {phone: mobile}
                templates: ["[我要]报修", "宽带坏了", "派人来修"]
              - name: no
                priority: 1
                whole_message: true
                templates: ["(不|不是|没有)"]
              - name: thanks
                priority: 3
                whole_message: true
                reply: 不客气
                templates: ["谢谢[你]"]
            """;

    private static IntentSet parse(String yaml) {
        return IntentFiles.parse("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private final IntentMatcher matcher = IntentMatcher.compile(parse(CONTENT));
    private final TextNormalizer normalizer = new TextNormalizer();

    private List<IntentMatch> match(String text) {
        NormalizedText normalized = normalizer.normalize(text);
        return matcher.match(normalized.text(), normalized.unstripped());
    }

    @ParameterizedTest(name = "{0}: exact {1}")
    @CsvSource({"报修吧, true", "哦，好的，报修, true", "嗯嗯 宽带坏了啊, true", "宽带坏了吗, false", "宽带坏了好几天, false"})
    void fillerAroundATemplateLeavesItTheWholeMessage(String text, boolean exact) {
        assertEquals(exact, match(text).get(0).exact(), text);
    }

    @Test
    void aWholeMessageIntentInsideALongerMessageIsNoHit() {
        assertEquals("no", match("不是").get(0).intent());
        assertEquals("no", match("嗯，不是").get(0).intent(), "filler aside it is the whole message");
        for (String question : List.of("我想知道我欠不欠费", "流量是不是不够了", "为什么没有信号")) {
            assertTrue(match(question).stream().noneMatch(h -> h.intent().equals("no")), question);
        }
    }

    @Test
    void politeFillerTheNormaliserStripsIsTheMessageWhenNothingElseIs() {
        // the normaliser strips a trailing 谢谢 from "好的 谢谢", but the customer said thanks
        assertEquals("好的", normalizer.normalize("好的，谢谢你").text());
        assertEquals("thanks", match("好的，谢谢你").get(0).intent());
        assertEquals("repair", match("我要报修，谢谢").get(0).intent(), "a request keeps its stripped reading");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"帮我报修一下, DEMAND", "宽带坏了，赶紧派人来修, DEMAND", "能不能派人来修, DEMAND",
            "宽带坏了怎么办, QUESTION", "我要怎么报修, QUESTION", "谁会打给我确认报修, QUESTION",
            "宽带坏了好几天了, STATEMENT"})
    void eachHitSaysWhetherItIsAskedForAskedAboutOrStated(String text, Mood mood) {
        IntentMatch hit = match(text).stream().filter(h -> h.intent().equals("repair")).findFirst().orElseThrow();
        assertEquals(mood, hit.mood(), text);
    }

    @Test
    void questionWordsNotNegationsMakeAQuestion() {
        assertTrue(Phrasing.asksQuestion("我想知道我欠不欠费"));
        assertTrue(Phrasing.asksQuestion("投诉处理结果不满意还能找谁"));
        assertFalse(Phrasing.asksQuestion("不要机器人 我要真人"));
        assertFalse(Phrasing.asksQuestion("没有收到"));
        assertFalse(Phrasing.asksQuestion("好几天了 这几天也没什么变化 不怎么用"));
    }

    @Test
    void wholeMessageMustBeTrueOrFalse() {
        var error = assertThrows(KnowledgeException.class, () -> parse("""
                intents:
                  - name: yes
                    whole_message: maybe
                    templates: [好的]
                """));
        assertTrue(error.getMessage().contains("whole_message"), error.getMessage());
    }
}
