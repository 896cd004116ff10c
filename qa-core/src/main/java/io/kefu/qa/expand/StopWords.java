package io.kefu.qa.expand;

import java.util.HashSet;
import java.util.Set;

/** Words that carry no intent. Negation and question words can never be stop words: they change the meaning. */
final class StopWords {

    static final Set<String> MEANINGFUL = Set.of(
            "不", "没", "没有", "未", "别", "无", "非", "不能", "不了", "不到", "不上", "没法", "无法",
            "怎么", "怎样", "如何", "多少", "几", "哪", "哪里", "哪儿", "哪个", "什么", "为什么", "为啥", "啥",
            "多久", "何时", "是否", "能否", "能不能", "可不可以", "可以");

    private final Set<String> words;

    StopWords(Set<String> listed) {
        var kept = new HashSet<>(listed);
        kept.removeAll(MEANINGFUL);
        this.words = Set.copyOf(kept);
    }

    boolean isStopWord(String word) {
        return words.contains(word);
    }
}
