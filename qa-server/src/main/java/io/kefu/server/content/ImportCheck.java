package io.kefu.server.content;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the rows of an import against themselves and the entries as they stand, and works out what applying them
 * would change. Pure: the entries come in, the plan goes out.
 */
final class ImportCheck {

    /** The plan: the report, and the drafts applying it makes. */
    record Plan(ImportReport report, List<EntryContent> changed, List<String> retire, Map<Integer, String> reasons) {
    }

    private ImportCheck() {
    }

    /**
     * @param current       every entry's newest version, by id
     * @param retireMissing entries not in the file are retired (the file is the whole base)
     */
    static Plan check(String file, List<ImportRow> rows, Map<String, EntryVersion> current, boolean retireMissing) {
        var errors = new ArrayList<ImportReport.RowError>();
        var entries = new LinkedHashMap<Integer, EntryContent>();
        var rowOfId = new HashMap<String, Integer>();
        var rowOfPhrasing = new HashMap<String, Integer>();
        for (ImportRow row : rows) {
            int before = errors.size();
            EntryContent entry = entry(row, errors);
            if (entry == null) continue;
            Integer sameId = rowOfId.putIfAbsent(entry.id(), row.row());
            if (sameId != null) errors.add(error(row, "ID", "ID " + entry.id() + " 与第 " + sameId + " 行重复。"));
            for (String phrasing : EntryValidation.phrasings(entry)) {
                Integer other = rowOfPhrasing.putIfAbsent(EntryValidation.key(phrasing), row.row());
                if (other != null && other != row.row()) {
                    errors.add(error(row, phrasing.equals(entry.question()) ? "标准问题" : "相似问题",
                            "问法「" + phrasing + "」与第 " + other + " 行重复。"));
                }
            }
            if (errors.size() == before) entries.put(row.row(), entry);
        }
        Map<String, String> owners = owners(current, rowOfId.keySet());
        for (var clean = entries.entrySet().iterator(); clean.hasNext(); ) {
            var e = clean.next();
            var clashes = EntryValidation.clashes(e.getValue(), owners);
            clashes.forEach((phrasing, owner) -> errors.add(
                    new ImportReport.RowError(e.getKey(), "相似问题", "问法「" + phrasing + "」已属于条目 " + owner
                            + "（" + current.get(owner).content().question() + "），同一问法不能对应两个条目。")));
            if (!clashes.isEmpty()) clean.remove(); // counted as a failed row, not as created or updated
        }
        var created = new ArrayList<String>();
        var updated = new ArrayList<String>();
        var changed = new ArrayList<EntryContent>();
        int unchanged = 0;
        for (EntryContent entry : entries.values()) {
            EntryVersion existing = current.get(entry.id());
            if (existing == null) {
                created.add(entry.id());
                changed.add(entry);
            } else if (!existing.retired() && existing.content().equals(entry)) {
                unchanged++;
            } else {
                updated.add(entry.id());
                changed.add(entry);
            }
        }
        var retire = new ArrayList<String>();
        if (retireMissing) {
            current.values().stream().filter(v -> !v.retired() && !rowOfId.containsKey(v.entryId()))
                    .forEach(v -> retire.add(v.entryId()));
        }
        errors.sort(java.util.Comparator.comparingInt(ImportReport.RowError::row));
        var reasons = new LinkedHashMap<Integer, String>();
        errors.forEach(e -> reasons.merge(e.row(), e.column() + "：" + e.message(), (a, b) -> a + "；" + b));
        var report = new ImportReport(file, rows.size(), created.size(), updated.size(), unchanged, retire.size(),
                created, updated, retire, errors, false);
        return new Plan(report, changed, retire, reasons);
    }

    /** The row as an entry, cleaned and checked on its own; null (with errors) when it is not one. */
    private static EntryContent entry(ImportRow row, List<ImportReport.RowError> errors) {
        Instant from = date(row, row.validFrom(), "生效时间", errors);
        Instant until = date(row, row.validUntil(), "失效时间", errors);
        String id = row.id().isEmpty() ? EntryValidation.newId() : row.id();
        var written = new EntryContent(id, row.question(), split(row.similar(), "\\r?\\n|##"), row.answer(),
                row.category(), split(row.tags(), "[,，、;；]"), from, until);
        EntryContent entry = EntryValidation.cleaned(written);
        var problems = EntryValidation.problems(entry);
        problems.forEach(p -> errors.add(error(row, p.field(), p.message())));
        return problems.isEmpty() ? entry : null;
    }

    private static Instant date(ImportRow row, String text, String column, List<ImportReport.RowError> errors) {
        try {
            return EntryDates.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(error(row, column, "日期「" + text + "」无法识别，请写成 2026-06-01 08:00 的格式（北京时间）。"));
            return null;
        }
    }

    private static List<String> split(String text, String separators) {
        if (text == null || text.isBlank()) return List.of();
        return Arrays.stream(text.split(separators)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Phrasings of the entries the file does not touch, by key. */
    private static Map<String, String> owners(Map<String, EntryVersion> current, Set<String> inFile) {
        var owners = new HashMap<String, String>();
        for (EntryVersion v : current.values()) {
            if (v.retired() || inFile.contains(v.entryId())) continue;
            for (String phrasing : EntryValidation.phrasings(v.content())) {
                owners.putIfAbsent(EntryValidation.key(phrasing), v.entryId());
            }
        }
        return owners;
    }

    private static ImportReport.RowError error(ImportRow row, String column, String message) {
        return new ImportReport.RowError(row.row(), column, message);
    }

}
