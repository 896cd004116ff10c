package io.kefu.qa.dialog;

import io.kefu.qa.KnowledgeException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DialogueTextsTest {

    private static DialogueTexts parse(String yaml) {
        return DialogueTexts.parse("texts.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theBuiltInsSetEveryTextAndAFileReplacesSomeByName() {
        DialogueTexts texts = DialogueTexts.builtin().overriddenBy(parse("clarify: 请问您想问的是："));
        assertEquals("请问您想问的是：", texts.get(DialogueTexts.Key.CLARIFY));
        assertEquals("转人工", texts.get(DialogueTexts.Key.HUMAN_BUTTON));
        for (DialogueTexts.Key key : DialogueTexts.Key.values()) assertFalse(texts.get(key).isBlank(), key.name());
    }

    @Test
    void placeholdersAreFilledInOnePass() {
        DialogueTexts texts = DialogueTexts.builtin();
        assertEquals("我们继续刚才的话费查询：请输入{form}",
                texts.format(DialogueTexts.Key.FORM_RESUMED, Map.of("form", "话费查询", "prompt", "请输入{form}")),
                "a value is not read for placeholders");
        assertEquals("{unknown} 已记录", DialogueTexts.fill("{unknown} 已记录", Map.of()));
    }

    @Test
    void anUnknownTextAPlaceholderItCannotHaveOrAnEmptyTextIsAContentProblem() {
        assertEquals("texts.yaml field 'not_fund': no such text",
                assertThrows(KnowledgeException.class, () -> parse("not_fund: 没找到")).getMessage());
        assertEquals("texts.yaml field 'handoff': cannot use {ticket}; it may use []",
                assertThrows(KnowledgeException.class, () -> parse("handoff: 工单 {ticket}")).getMessage());
        assertThrows(KnowledgeException.class, () -> parse("clarify: ''"));
        assertThrows(KnowledgeException.class, () -> parse("clarify: [a, b"));
    }
}
