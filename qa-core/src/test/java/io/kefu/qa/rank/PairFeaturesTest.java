package io.kefu.qa.rank;

import io.kefu.qa.Fixtures;
import io.kefu.qa.expand.AnalyzedText;
import io.kefu.qa.expand.TextAnalyzer;
import io.kefu.qa.index.TermStatistics;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairFeaturesTest {

    private final TextAnalyzer analyzer = new TextAnalyzer(Fixtures.lexicon());
    private final List<String> corpus = List.of("怎么查询话费余额", "宽带坏了怎么报修", "彩铃怎么取消", "济南有什么好玩的地方",
            "石狮有什么好玩的地方", "登录不上去怎么办", "登录怎么办");
    private final TermStatistics stats = TermStatistics.of(corpus.stream().map(t -> List.of(analyzer.analyze(t))).toList());

    private double feature(String name, String q, String d) {
        AnalyzedText a = analyzer.analyze(q);
        AnalyzedText b = analyzer.analyze(d);
        double[] features = PairFeatures.extract(TextProfile.of(a, stats), TextProfile.of(b, stats), stats.maxIdf());
        assertEquals(PairFeatures.NAMES.size(), features.length);
        for (double f : features) assertTrue(f >= 0 && f <= 1, "every feature lies in [0,1]");
        return features[PairFeatures.NAMES.indexOf(name)];
    }

    @Test
    void identicalTextsAreExactAndFullyCovered() {
        assertEquals(1, feature("exact", "怎么查询话费余额", "怎么查询话费余额？"));
        assertEquals(1, feature("concept_cover_q", "怎么查询话费余额", "怎么查询话费余额"));
        assertEquals(1, feature("edit_similarity", "怎么查询话费余额", "怎么查询话费余额"));
    }

    @Test
    void synonymsCountAsCovered() {
        assertEquals(1, feature("concept_cover_q", "电话费余额", "话费余额"), 1e-9);
    }

    @Test
    void aDifferentPlaceIsAMissingRareWord() {
        double differentCity = feature("max_missing_idf_q", "济南有什么好玩的地方", "石狮有什么好玩的地方");
        assertTrue(differentCity > 0.3, "济南 is rare and missing from the other side: " + differentCity);
        assertEquals(0, feature("max_missing_idf_q", "济南有什么好玩的地方", "济南有什么好玩的地方"));
    }

    @Test
    void negationMismatchIsSeen() {
        assertEquals(1, feature("negation_mismatch", "登录不上去怎么办", "登录怎么办"));
        assertEquals(0, feature("negation_mismatch", "登录不上去怎么办", "登录不了怎么办"));
    }

    @Test
    void homophoneTypoCoversPinyin() {
        assertEquals(1, feature("pinyin_cover_q", "款待坏了", "宽带坏了"), 1e-9);
    }

    @Test
    void wordsTheCorpusLacksStillCompareByText() {
        // 鼹, 鼠 and 貂 are in no corpus text: each profile numbers them on its own, and the two must agree
        assertEquals(1, feature("edit_similarity", "鼹鼠怎么办", "鼹鼠怎么办"));
        assertEquals(1, feature("gram_cover_q", "鼹鼠怎么办", "请问鼹鼠怎么办"), 1e-9);
        assertEquals(0.75, feature("edit_similarity", "鼹怎么办", "貂怎么办"), 1e-9, "different unknown characters differ");
        assertTrue(feature("gram_cover_q", "鼹怎么办", "貂怎么办") < 1);
    }
}
