package io.kefu.server.outreach;

import io.kefu.server.system.BadRequestException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version of a message template: text with {@code {{variable}}} placeholders and quick buttons.
 */
record Template(String id, int version, String title, String body, List<String> buttons) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z0-9_]{1,32})}}");
    static final int MAX_VALUE_LENGTH = 100;

    Template {
        buttons = List.copyOf(buttons);
    }

    Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(body);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /**
     * The text with every placeholder filled. Every variable must be given, and no other: a typo in the caller's
     * system is refused instead of showing the customer a gap.
     */
    String render(Map<String, String> values) {
        Set<String> needed = variables();
        List<String> missing = needed.stream().filter(n -> values.get(n) == null || values.get(n).isBlank()).toList();
        if (!missing.isEmpty()) throw new BadRequestException("缺少模板变量：" + String.join("、", missing) + "。");
        List<String> unknown = values.keySet().stream().filter(n -> !needed.contains(n)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new BadRequestException("模板 " + id + " 没有这些变量：" + String.join("、", unknown.stream()
                    .map(n -> n.replaceAll("[^A-Za-z0-9_]", "?")).toList()) + "。");
        }
        Matcher m = PLACEHOLDER.matcher(body);
        var out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(clean(values.get(m.group(1)))));
        m.appendTail(out);
        return out.toString();
    }

    /** A value as plain text of one line (the widget shows system messages as text, never as markup). */
    private static String clean(String value) {
        String text = value.replaceAll("\\p{Cntrl}", " ").strip();
        if (text.length() > MAX_VALUE_LENGTH) throw new BadRequestException("模板变量最长 " + MAX_VALUE_LENGTH + " 个字。");
        return text;
    }
}
