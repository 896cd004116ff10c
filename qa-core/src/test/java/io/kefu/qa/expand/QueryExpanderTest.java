package io.kefu.qa.expand;

import io.kefu.qa.Lexicon;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryExpanderTest {

    private final TextAnalyzer analyzer = new TextAnalyzer(new Lexicon(Set.of("话费", "宽带"),
            List.of(List.of("话费", "电话费", "花费")), Set.of("的", "我")));

    @Test
    void synonymsMapToTheCanonicalWord() {
        assertTrue(analyzer.analyze("我的电话费还有多少").concepts().contains("话费"));
        assertTrue(analyzer.analyze("花费余额").concepts().contains("话费"));
    }

    @Test
    void stopWordsAreNotConcepts() {
        AnalyzedText text = analyzer.analyze("我的话费");
        assertFalse(text.concepts().contains("我"));
        assertTrue(text.words().contains("我"), "the words themselves are kept for the trace");
    }

    @Test
    void homophoneTyposShareTheirPinyin() {
        assertTrue(analyzer.analyze("款待坏了").pinyin().contains("kuan_dai"));
        assertTrue(analyzer.analyze("宽带坏了").pinyin().contains("kuan_dai"));
    }

    @Test
    void polyphonicCharactersAreReadInContext() {
        assertTrue(analyzer.analyze("银行").pinyin().contains("yin_hang"));
    }

    @Test
    void characterGramsTreatLetterRunsAsOneCharacter() {
        Set<String> grams = analyzer.analyze("5G套餐").grams();
        assertTrue(grams.contains("5g_套"));
        assertTrue(grams.contains("套_餐"));
    }

    @Test
    void recordsNegationNumbersAndQuestionType() {
        AnalyzedText text = analyzer.analyze("为什么10086打不通");
        assertTrue(text.negated());
        assertEquals(Set.of("10086"), text.numbers());
        assertEquals("why", text.questionType());
        assertEquals("amount", analyzer.analyze("话费还有多少").questionType());
    }

    @Test
    void stopWordsNeverIncludeNegationOrQuestionWords() {
        var stop = new StopWords(Set.of("的", "不", "怎么", "多少"));
        assertTrue(stop.isStopWord("的"));
        assertFalse(stop.isStopWord("不"));
        assertFalse(stop.isStopWord("怎么"));
        assertFalse(stop.isStopWord("多少"));
    }
}
