package io.kefu.qa.segment;

import io.kefu.qa.normalize.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmenterTest {

    private static final Set<String> DOMAIN = Set.of("退订", "彩铃", "手机号", "云闪付", "携号转网", "加油包", "办理");
    private final TextNormalizer normalizer = new TextNormalizer();
    private final Segmenter withDictionary = new Segmenter(DOMAIN);
    private final Segmenter plain = new Segmenter(Set.of());

    private List<String> words(Segmenter segmenter, String text) {
        return segmenter.segment(normalizer.normalize(text)).stream().map(Token::word).toList();
    }

    @Test
    void doesNotFindKimonoInGoodsAndServices() {
        assertEquals(List.of("商品", "和", "服务"), words(withDictionary, "商品和服务"));
    }

    @Test
    void domainWordsStayWholeOnlyWithTheDictionary() {
        assertFalse(words(plain, "我要退订彩铃").contains("退订"), "HanLP alone splits 退订; otherwise this test proves nothing");
        assertEquals(List.of("我", "要", "退订", "彩铃"), words(withDictionary, "我要退订彩铃"));
        assertTrue(words(withDictionary, "手机号怎么改").contains("手机号"));
        assertEquals(List.of("携号转网", "怎么", "办理"), words(withDictionary, "携号转网怎么办理"),
                "HanLP says 怎么办/理; the boundary moves because 办理 is a domain word");
    }

    @Test
    void personNameRecognitionDoesNotEatServiceNames() {
        assertTrue(words(withDictionary, "云闪付怎么转账").contains("云闪付"));
    }

    @Test
    void negationSurvives() {
        assertTrue(words(withDictionary, "登录不上去").contains("不"));
    }

    @Test
    void lettersAndDigitsStayOneToken() {
        assertTrue(words(withDictionary, "5G套餐").contains("5g"));
        assertTrue(words(withDictionary, "13800138000怎么充值").contains("13800138000"));
        assertEquals(List.of("5", "g"), words(withDictionary, "5 G").subList(0, 2), "a gap in the text is respected");
        assertEquals(List.of("5g", "和", "5", "g"), words(withDictionary, "5G和5 G"),
                "a gap is a gap even when the same letters stand together elsewhere");
    }
}
