package io.kefu.server.wechat;

import io.kefu.qa.Suggestion;
import io.kefu.server.conversation.Sender;
import io.kefu.server.conversation.StoredMessage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored message as WeChat shows it. WeChat text has no markup but {@code <a href>} links and no buttons: the bot's
 * markup (paragraphs, {@code - } and {@code 1. } lists, {@code [text](https://...)} links) becomes plain lines and
 * links, suggestions and quick replies become a numbered list that a reply of {@code 1}, {@code 2}... chooses
 * ({@link Choices}), and the closing notice asks for a rating from 1 to 5.
 */
public final class WechatText {

    /** WeChat takes at most 2,048 bytes of text per message; longer ones are split at line breaks. */
    public static final int MAX_BYTES = 2000;

    static final String SUGGESTIONS = "您是不是想问：";
    static final String QUICK_REPLIES = "您可以回复数字：";
    static final String CHOOSE = "请回复数字选择。";
    public static final String RATE = "请回复 1-5 为本次服务评分（5 分最满意）。";

    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]+)]\\((https?://[^)\\s\"<>]+)\\)");

    private WechatText() {
    }

    /** The text to send and what a number replied to it means. */
    public record Rendered(String text, Choices choices) {
    }

    /** A message of the conversation {@code conversationId}, as WeChat shows it. */
    public static Rendered render(String conversationId, StoredMessage message) {
        if (message.sender() == Sender.SYSTEM && "closed".equals(message.kind())) {
            return new Rendered(message.text() + "\n" + RATE, Choices.rating(conversationId));
        }
        String body = message.sender() == Sender.BOT ? markup(message.text()) : message.text();
        var options = new ArrayList<Choices.Option>();
        var text = new StringBuilder(body);
        if (!message.suggestions().isEmpty()) {
            text.append("\n\n").append(SUGGESTIONS);
            for (Suggestion s : message.suggestions()) {
                options.add(new Choices.Option(s.question(), s.id()));
                text.append('\n').append(options.size()).append(". ").append(s.question());
            }
        }
        if (!message.quickReplies().isEmpty()) {
            text.append("\n\n").append(QUICK_REPLIES);
            for (String reply : message.quickReplies()) {
                options.add(new Choices.Option(reply, null));
                text.append('\n').append(options.size()).append(". ").append(reply);
            }
        }
        if (!options.isEmpty()) text.append('\n').append(CHOOSE);
        return new Rendered(text.toString().strip(), new Choices(options, null));
    }

    /** A greeting with the quick buttons as a short numbered menu. */
    public static Rendered menu(String greeting, List<String> quickReplies) {
        var options = new ArrayList<Choices.Option>();
        var text = new StringBuilder(greeting);
        if (!quickReplies.isEmpty()) {
            text.append("\n\n").append(QUICK_REPLIES);
            for (String reply : quickReplies) {
                options.add(new Choices.Option(reply, null));
                text.append('\n').append(options.size()).append(". ").append(reply);
            }
        }
        return new Rendered(text.toString(), new Choices(options, null));
    }

    /** The bot's markup as WeChat text: paragraphs and numbered items kept, "- " items as "• ", links as {@code <a>}. */
    static String markup(String text) {
        var out = new StringBuilder();
        for (String line : text.strip().split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.startsWith("- ")) stripped = "• " + stripped.substring(2).strip();
            if (!out.isEmpty()) out.append('\n');
            out.append(links(escape(stripped)));
        }
        return out.toString().replaceAll("\n{3,}", "\n\n");
    }

    /** WeChat reads {@code <a href>} in text: anything else in angle brackets is shown, but kept from being a tag. */
    private static String escape(String line) {
        return line.replace("<", "＜").replace(">", "＞");
    }

    private static String links(String line) {
        Matcher m = LINK.matcher(line);
        var out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(
                    "<a href=\"" + m.group(2) + "\">" + m.group(1) + "</a>"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The text as one or more WeChat messages of at most {@link #MAX_BYTES} bytes of UTF-8, split at paragraph or
     * line breaks where it can, and never inside a character.
     */
    public static List<String> split(String text) {
        var parts = new ArrayList<String>();
        String rest = text;
        while (bytes(rest) > MAX_BYTES) {
            int cut = fitting(rest);
            int paragraph = rest.lastIndexOf("\n\n", cut);
            int line = rest.lastIndexOf('\n', cut);
            int at = paragraph > cut / 2 ? paragraph : line > cut / 2 ? line : cut;
            parts.add(rest.substring(0, at).strip());
            rest = rest.substring(at).strip();
        }
        if (!rest.isEmpty()) parts.add(rest);
        return parts;
    }

    /** The most characters from the start that fit in the byte limit (never half a surrogate pair). */
    private static int fitting(String text) {
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > MAX_BYTES) break;
            bytes += size;
            i += Character.charCount(cp);
        }
        return i;
    }

    static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
