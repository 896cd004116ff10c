package io.kefu.qa.intent;

import io.kefu.qa.KnowledgeException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntentFilesTest {

    private static IntentSet parse(String name, String yaml) {
        return IntentFiles.parse(name, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String rejection(String yaml) {
        return assertThrows(KnowledgeException.class, () -> parse("intents/telecom.yaml", yaml)).getMessage();
    }

    @Test
    void readsDictionariesIntentsPrioritiesRepliesAndSlots() {
        IntentSet set = parse("intents/telecom.yaml", """
                entities:
                  product:
                    宽带: [网络, 光纤]
                    话费: 电话费
                    流量:
                  city: [北京, 上海]
                intents:
                  - name: bill_query
                    priority: 10
                    reply: 好的，正在为您查询。
                    slots: {phone: mobile}
                    templates:
                      - 查{phone?}的话费
                      - {text: 话费, priority: 2}
                      - 10086
                """);
        assertEquals(List.of("product", "city"), set.entities().stream().map(EntityDictionary::name).toList());
        assertEquals(Map.of("宽带", List.of("网络", "光纤"), "话费", List.of("电话费"), "流量", List.of()),
                set.entities().get(0).values());
        assertEquals(Map.of("北京", List.of(), "上海", List.of()), set.entities().get(1).values());
        Intent intent = set.intents().get(0);
        assertEquals(List.of(new Template("查{phone?}的话费", 10), new Template("话费", 2), new Template("10086", 10)),
                intent.templates());
        assertEquals("好的，正在为您查询。", intent.reply());
        assertEquals("mobile", intent.slotType("phone"));
        assertEquals("product", intent.slotType("product"), "an unlisted slot has the type of its name");
        assertEquals("intents/telecom.yaml", intent.source());
    }

    @Test
    void aMalformedTemplateNamesFileIntentAndTemplate() {
        String message = rejection("""
                intents:
                  - name: bill_query
                    templates: ["查话费", "[帮我查(话费|余额)"]
                """);
        assertEquals("intents/telecom.yaml intent bill_query template '[帮我查(话费|余额)' field 'templates[1]': "
                + "unbalanced brackets: '[' at position 1 is never closed", message);
        assertTrue(rejection("""
                intents:
                  - {name: cancel, templates: ["(算了|)"]}
                """).contains("intent cancel template '(算了|)'"));
    }

    @Test
    void otherContentMistakesAreNamedToo() {
        assertTrue(rejection("intents:\n  - {templates: [你好]}\n").contains("intent #1 field 'name': missing"));
        assertTrue(rejection("intents:\n  - {name: a}\n").contains("intent a field 'templates': missing"));
        assertTrue(rejection("intents:\n  - {name: a, templates: [x]}\n  - {name: a, templates: [y]}\n")
                .contains("intent a field 'name': defined twice"));
        assertTrue(rejection("intents:\n  - {name: a, template: [x]}\n").contains("field 'template': unknown field"));
        assertTrue(rejection("intent:\n  - {name: a}\n").contains("field 'intent': unknown field"));
        assertTrue(rejection("intents:\n  - {name: a, priority: high, templates: [x]}\n").contains("field 'priority': expected a whole number"));
        assertTrue(rejection("entities:\n  product: {宽带: [网络], 网费: [网络]}\n")
                .contains("entity product field 'entities.product.网费': '网络' already stands for '宽带'"));
        assertTrue(rejection("entities:\n  Product: [宽带]\n").contains("bad dictionary name"));
        assertTrue(rejection("intents: [\n").contains("not valid YAML"));
    }

    @Test
    void filesOfOneFolderMayNotDefineTheSameName() {
        IntentSet a = parse("intents/a.yaml", "entities: {product: [宽带]}\nintents:\n  - {name: x, templates: [你好]}\n");
        IntentSet b = parse("intents/b.yaml", "intents:\n  - {name: x, templates: [您好]}\n");
        IntentSet c = parse("intents/c.yaml", "entities: {product: [话费]}\n");
        assertEquals("intents/b.yaml intent x field 'name': already defined in intents/a.yaml",
                assertThrows(KnowledgeException.class, () -> IntentFiles.combine(List.of(a, b))).getMessage());
        assertTrue(assertThrows(KnowledgeException.class, () -> IntentFiles.combine(List.of(a, c))).getMessage()
                .contains("already defined in intents/a.yaml"));
    }

    @Test
    void theBuiltInIntentsAreAllThereWithRepliesWhereAFixedReplyMakesSense() {
        IntentSet builtin = IntentFiles.builtin();
        assertEquals(List.of("greeting", "thanks", "goodbye", "human", "complaint", "affirm", "deny", "cancel", "chitchat"),
                builtin.intents().stream().map(Intent::name).toList());
        for (String name : List.of("greeting", "thanks", "goodbye", "chitchat")) {
            assertTrue(builtin.intent(name).orElseThrow().reply().length() > 5, name);
        }
        assertEquals("", builtin.intent("human").orElseThrow().reply(), "a hand-off is an action, not a text");
    }

    @Test
    void theKnowledgeFolderOverridesBuiltInsByName() {
        IntentSet set = IntentFiles.withBuiltins(List.of(parse("intents/custom.yaml", """
                intents:
                  - name: greeting
                    reply: 您好，欢迎光临星河通信！
                    templates: [你好]
                  - name: chitchat
                    templates: []
                  - name: bill_query
                    templates: [查话费]
                """)));
        assertEquals("您好，欢迎光临星河通信！", set.intent("greeting").orElseThrow().reply());
        assertEquals(0, set.intents().stream().map(Intent::name).toList().indexOf("greeting"), "keeps its place");
        assertTrue(set.intent("bill_query").isPresent());
        IntentMatcher matcher = IntentMatcher.compile(set);
        assertTrue(matcher.match("你是谁").stream().noneMatch(h -> h.intent().equals("chitchat")),
                "an empty template list switches a built-in intent off");
        assertTrue(matcher.match("您好").stream().noneMatch(h -> h.intent().equals("greeting")),
                "the overriding greeting has only 你好");
        assertEquals("human", matcher.match("转人工").get(0).intent(), "the other built-ins stay");
    }

    @Test
    void unknownSlotTypesInTheKnowledgeFolderFailAtLoadTime() {
        IntentSet a = parse("intents/a.yaml", "entities: {device: [宽带, 光猫]}\n");
        IntentSet b = parse("intents/b.yaml", """
                intents:
                  - name: fault_report
                    slots: {problem: fault}
                    templates: ["{device}坏了", "{device}{problem}"]
                """);
        var e = assertThrows(KnowledgeException.class, () -> IntentFiles.withBuiltins(List.of(a, b)));
        assertEquals("intents/b.yaml intent fault_report field 'slots.problem': unknown slot type 'fault'; known: "
                + "built-in types mobile, amount, date, id_card, bank_card, number, text; entity dictionaries device", e.getMessage());
        assertTrue(rejection("entities:\n  mobile: [138]\n").contains("'mobile' is a built-in slot type"));
    }

    @Test
    void aKnowledgeFolderWithoutIntentsGivesTheBuiltIns() {
        assertEquals(IntentFiles.builtin(), IntentFiles.withBuiltins(List.of()));
    }
}
