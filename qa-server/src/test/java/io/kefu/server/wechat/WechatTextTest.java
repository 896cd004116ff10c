package io.kefu.server.wechat;

import io.kefu.qa.Suggestion;
import io.kefu.server.conversation.Sender;
import io.kefu.server.conversation.StoredMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WechatTextTest {

    private static StoredMessage bot(String text, List<Suggestion> suggestions, List<String> quickReplies) {
        return new StoredMessage(2, Sender.BOT, "answer", text, null, 1L, suggestions, quickReplies, Instant.now(), null);
    }

    @Test
    void theBotsMarkupBecomesWechatText() {
        String text = WechatText.markup("您可以：\n\n- 发送短信\n- 登录 [星河通信 App](https://app.example.com/a?b=1)\n\n1. 第一步\n2. 第二步");
        assertEquals("您可以：\n\n• 发送短信\n• 登录 <a href=\"https://app.example.com/a?b=1\">星河通信 App</a>\n\n1. 第一步\n2. 第二步",
                text);
    }

    @Test
    void onlyLinksBecomeTagsAndOnlyWebLinks() {
        assertEquals("＜b＞粗体＜/b＞ [点我](javascript:alert(1))",
                WechatText.markup("<b>粗体</b> [点我](javascript:alert(1))"));
    }

    @Test
    void suggestionsAndQuickRepliesAreNumberedAndANumberChoosesThem() {
        var rendered = WechatText.render("c1", bot("答案", List.of(new Suggestion("faq-1", "话费怎么查"),
                new Suggestion("faq-2", "流量怎么查")), List.of("转人工")));
        assertEquals("答案\n\n" + WechatText.SUGGESTIONS + "\n1. 话费怎么查\n2. 流量怎么查\n\n"
                + WechatText.QUICK_REPLIES + "\n3. 转人工\n" + WechatText.CHOOSE, rendered.text());
        Choices choices = rendered.choices();
        assertEquals(Optional.of(new Choices.Option("流量怎么查", "faq-2")), choices.chosen("2"));
        assertEquals(Optional.of(new Choices.Option("流量怎么查", "faq-2")), choices.chosen(" ２ "), "full width too");
        assertEquals(Optional.of(new Choices.Option("转人工", null)), choices.chosen("3"));
        assertEquals(Optional.empty(), choices.chosen("4"));
        assertEquals(Optional.empty(), choices.chosen("12"));
        assertEquals(OptionalInt.empty(), choices.stars("2"), "no rating was asked for");
    }

    @Test
    void theClosingNoticeAsksForARatingOfThatConversation() {
        var closed = new StoredMessage(9, Sender.SYSTEM, "closed", "本次会话已结束。", null, null, List.of(), List.of(),
                Instant.now(), null);
        var rendered = WechatText.render("c7", closed);
        assertTrue(rendered.text().endsWith(WechatText.RATE), rendered.text());
        assertEquals("c7", rendered.choices().ratingOf());
        assertEquals(OptionalInt.of(5), rendered.choices().stars("5"));
        assertEquals(OptionalInt.empty(), rendered.choices().stars("6"));
        assertEquals(OptionalInt.empty(), rendered.choices().stars("好"));
    }

    @Test
    void agentsTextIsSentAsWritten() {
        var reply = new StoredMessage(3, Sender.AGENT, "text", "- 不是列表 [也不是](https://x.example)", "r1", null,
                List.of(), List.of(), Instant.now(), "小微");
        assertEquals("- 不是列表 [也不是](https://x.example)", WechatText.render("c", reply).text());
    }

    @Test
    void aLongTextIsSplitAtLineBreaksWithinWechatsLimit() {
        String paragraph = "这是一段很长的回答内容。".repeat(15); // 540 bytes: three fit in a message, four do not
        String text = String.join("\n\n", paragraph, paragraph, paragraph, paragraph);
        List<String> parts = WechatText.split(text);
        assertEquals(List.of(paragraph + "\n\n" + paragraph + "\n\n" + paragraph, paragraph), parts);
        for (String part : parts) {
            assertTrue(part.getBytes(StandardCharsets.UTF_8).length <= WechatText.MAX_BYTES, part);
        }
        assertEquals(text, String.join("\n\n", parts));
    }

    @Test
    void aTextWithoutBreaksIsCutBetweenCharactersNeverInsideOne() {
        String text = "😀字".repeat(700); // 4 + 3 bytes each pair
        List<String> parts = WechatText.split(text);
        assertTrue(parts.size() >= 3, parts.size() + " parts");
        for (String part : parts) {
            assertTrue(part.getBytes(StandardCharsets.UTF_8).length <= WechatText.MAX_BYTES);
            assertTrue(!Character.isLowSurrogate(part.charAt(0)), "no half emoji at a cut");
        }
        assertEquals(text, String.join("", parts));
    }
}
