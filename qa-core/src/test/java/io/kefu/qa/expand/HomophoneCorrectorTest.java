package io.kefu.qa.expand;

import io.kefu.qa.Lexicon;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HomophoneCorrectorTest {

    private final TextAnalyzer analyzer = new TextAnalyzer(new Lexicon(Set.of("宽带", "话费", "花费"), List.of(), Set.of()));

    @Test
    void anUnknownWordBecomesTheKnownWordThatSoundsTheSame() {
        var corrector = HomophoneCorrector.of(List.of("宽带", "报修"));
        AnalyzedText corrected = corrector.correct(analyzer.analyze("款待报修"));
        assertTrue(corrected.concepts().contains("宽带"), corrected.concepts().toString());
        assertEquals(analyzer.analyze("款待报修").words(), corrected.words(), "the words as typed stay for the trace");
    }

    @Test
    void aKnownWordIsNeverCorrectedAndTheMostFrequentOfASoundWins() {
        AnalyzedText text = analyzer.analyze("花费多少");
        assertSame(text, HomophoneCorrector.of(List.of("话费", "花费")).correct(text), "花费 is a word of the vocabulary");
        assertTrue(HomophoneCorrector.of(List.of("话费")).correct(text).concepts().contains("话费"));
    }

    @Test
    void singleCharactersAndLatinWordsAreLeftAlone() {
        AnalyzedText text = analyzer.analyze("app 卡");
        assertSame(text, HomophoneCorrector.of(List.of("ap", "咖")).correct(text));
    }
}
