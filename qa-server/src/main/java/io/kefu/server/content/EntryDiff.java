package io.kefu.server.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** What changed between two versions of an entry, as lines a content editor reads (in Chinese). */
final class EntryDiff {

    private EntryDiff() {
    }

    /** @param before the earlier version, or null for a new entry */
    static List<String> between(EntryContent before, EntryContent after, boolean retired) {
        var lines = new ArrayList<String>();
        if (retired) {
            lines.add("下线该条目");
            return lines;
        }
        if (before == null) {
            lines.add("新建条目：「" + after.question() + "」");
            before = new EntryContent(after.id(), "", List.of(), "", "", List.of(), null, null);
        }
        changed(lines, "标准问题", before.question(), after.question());
        listChange(lines, "相似问题", before.similar(), after.similar());
        changed(lines, "答案", before.answer(), after.answer());
        changed(lines, "分类", before.category(), after.category());
        listChange(lines, "标签", before.tags(), after.tags());
        changed(lines, "生效时间", String.valueOf(before.validFrom()), String.valueOf(after.validFrom()));
        changed(lines, "失效时间", String.valueOf(before.validUntil()), String.valueOf(after.validUntil()));
        return lines;
    }

    private static void changed(List<String> lines, String field, String before, String after) {
        if (Objects.equals(before, after)) return;
        String was = before == null || before.isEmpty() || before.equals("null") ? "（空）" : "「" + before + "」";
        String is = after == null || after.isEmpty() || after.equals("null") ? "（空）" : "「" + after + "」";
        lines.add(field + "：" + was + " → " + is);
    }

    private static void listChange(List<String> lines, String field, List<String> before, List<String> after) {
        var added = new LinkedHashSet<>(after);
        before.forEach(added::remove);
        var removed = new LinkedHashSet<>(before);
        after.forEach(removed::remove);
        added.forEach(item -> lines.add(field + " 新增：「" + item + "」"));
        removed.forEach(item -> lines.add(field + " 删除：「" + item + "」"));
    }
}
