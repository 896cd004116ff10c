package io.kefu.server.content;

import io.kefu.server.system.SafeText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks an entry as an editor wrote it and cleans its text; every problem is a message in Chinese. Shared by the
 * editor's form and the import, so that both refuse the same things in the same words.
 */
final class EntryValidation {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    static final int QUESTION_LENGTH = 200;
    static final int ANSWER_LENGTH = 5000;
    static final int CATEGORY_LENGTH = 64;
    static final int TAG_LENGTH = 32;
    static final int MAX_SIMILAR = 200;

    private EntryValidation() {
    }

    /** One problem with one field. */
    record Problem(String field, String message) {
    }

    /** A fresh id for a new entry. */
    static String newId() {
        return "kb-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The entry cleaned (text stripped, empty phrasings dropped, duplicates removed). */
    static EntryContent cleaned(EntryContent entry) {
        var similar = new LinkedHashSet<String>();
        for (String phrasing : entry.similar()) {
            String clean = text(phrasing);
            if (!clean.isEmpty() && !clean.equals(text(entry.question()))) similar.add(clean);
        }
        var tags = new LinkedHashSet<String>();
        for (String tag : entry.tags()) if (!text(tag).isEmpty()) tags.add(text(tag));
        return new EntryContent(text(entry.id()), text(entry.question()), List.copyOf(similar),
                text(entry.answer()), text(entry.category()), List.copyOf(tags), entry.validFrom(), entry.validUntil());
    }

    private static String text(String s) {
        return s == null ? "" : SafeText.clean(s).strip();
    }

    /** What is wrong with a cleaned entry on its own; empty when nothing is. */
    static List<Problem> problems(EntryContent entry) {
        var problems = new ArrayList<Problem>();
        if (entry.id().isEmpty() || !ID.matcher(entry.id()).matches()) {
            problems.add(new Problem("ID", "ID 只能由字母、数字、下划线、点和短横线组成，最长 64 位。"));
        }
        if (entry.question().isEmpty()) problems.add(new Problem("标准问题", "缺少标准问题。"));
        else if (entry.question().length() > QUESTION_LENGTH) {
            problems.add(new Problem("标准问题", "标准问题过长（" + entry.question().length() + " 字），最多 "
                    + QUESTION_LENGTH + " 字。"));
        }
        if (entry.answer().isEmpty()) problems.add(new Problem("答案", "缺少答案。"));
        else if (entry.answer().length() > ANSWER_LENGTH) {
            problems.add(new Problem("答案", "答案过长（" + entry.answer().length() + " 字），最多 " + ANSWER_LENGTH + " 字。"));
        }
        if (entry.similar().size() > MAX_SIMILAR) {
            problems.add(new Problem("相似问题", "相似问题过多，最多 " + MAX_SIMILAR + " 个。"));
        }
        for (String phrasing : entry.similar()) {
            if (phrasing.length() > QUESTION_LENGTH) {
                problems.add(new Problem("相似问题", "相似问题「" + abbreviated(phrasing) + "」过长，最多 "
                        + QUESTION_LENGTH + " 字。"));
            }
        }
        if (entry.category().length() > CATEGORY_LENGTH) {
            problems.add(new Problem("分类", "分类名称过长，最多 " + CATEGORY_LENGTH + " 字。"));
        }
        for (String tag : entry.tags()) {
            if (tag.length() > TAG_LENGTH) problems.add(new Problem("标签", "标签「" + abbreviated(tag) + "」过长。"));
        }
        Instant from = entry.validFrom();
        Instant until = entry.validUntil();
        if (from != null && until != null && !until.isAfter(from)) {
            problems.add(new Problem("失效时间", "失效时间必须晚于生效时间。"));
        }
        return problems;
    }

    /**
     * Phrasings of {@code entry} that another entry of {@code others} already has (the same text), by phrasing: a
     * customer's question cannot go to two entries.
     */
    static Map<String, String> clashes(EntryContent entry, Map<String, String> ownerByPhrasing) {
        var clashes = new HashMap<String, String>();
        for (String phrasing : phrasings(entry)) {
            String owner = ownerByPhrasing.get(key(phrasing));
            if (owner != null && !owner.equals(entry.id())) clashes.put(phrasing, owner);
        }
        return clashes;
    }

    static List<String> phrasings(EntryContent entry) {
        var all = new ArrayList<String>(entry.similar().size() + 1);
        all.add(entry.question());
        all.addAll(entry.similar());
        return all;
    }

    /** Phrasings compared without case, spaces and end punctuation. */
    static String key(String phrasing) {
        return phrasing.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s?？!！。.,，]+", "");
    }

    static String abbreviated(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
