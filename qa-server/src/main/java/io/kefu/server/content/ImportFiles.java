package io.kefu.server.content;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads an import file of any supported format into {@link ImportRow}s. */
final class ImportFiles {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int COLUMNS = ImportRow.HEADERS.size();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private ImportFiles() {
    }

    static List<ImportRow> read(ImportFormat format, Path file) {
        try {
            return switch (format) {
                case XLSX -> table(SpreadsheetRows.read(file, 32));
                case CSV -> table(csv(Files.readAllBytes(file)));
                case JSON -> json(file);
                case YAML -> yamlZip(file);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text of a CSV file: UTF-8 with or without a byte-order mark, or else GBK/GB18030 as Excel and WPS save it
     * on Chinese Windows. Text that is not valid UTF-8 is GB18030 (a superset of GBK); GB18030 text is almost
     * never valid UTF-8.
     */
    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }

    private static java.util.TreeMap<Integer, String[]> csv(byte[] bytes) {
        var rows = new java.util.TreeMap<Integer, String[]>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(decode(bytes)))
                .setFormat(CSVFormat.DEFAULT).get()) {
            int row = 0;
            for (CSVRecord record : parser) {
                row++;
                rows.put(row, record.toList().toArray(String[]::new));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ContentException.invalid("无法读取该 CSV 文件：引号不成对或格式有误（" + e.getMessage() + "）。");
        }
        return rows;
    }

    /** Rows of a table whose first non-empty row is the header; columns found by their header's name. */
    private static List<ImportRow> table(java.util.TreeMap<Integer, String[]> rows) {
        int[] columnOf = null;
        var out = new ArrayList<ImportRow>();
        for (var entry : rows.entrySet()) {
            String[] cells = entry.getValue();
            if (columnOf == null) {
                if (blank(cells)) continue;
                columnOf = header(cells);
                continue;
            }
            var ordered = new String[COLUMNS];
            for (int c = 0; c < cells.length && c < columnOf.length; c++) {
                if (columnOf[c] >= 0) ordered[columnOf[c]] = cells[c];
            }
            ImportRow row = ImportRow.of(entry.getKey(), ordered);
            if (!row.empty()) out.add(row);
        }
        if (columnOf == null) throw ContentException.invalid("文件是空的：没有表头，也没有数据。请使用导入模板。");
        return out;
    }

    private static int[] header(String[] cells) {
        int[] columnOf = new int[cells.length];
        boolean question = false;
        boolean answer = false;
        for (int c = 0; c < cells.length; c++) {
            columnOf[c] = ImportRow.column(cells[c]);
            question |= columnOf[c] == 2;
            answer |= columnOf[c] == 4;
        }
        if (!question || !answer) {
            throw ContentException.invalid("表头缺少「标准问题」或「答案」列。请使用导入模板，表头为：" + String.join("，", ImportRow.HEADERS) + "。");
        }
        return columnOf;
    }

    private static boolean blank(String[] cells) {
        for (String cell : cells) if (cell != null && !cell.isBlank()) return false;
        return true;
    }

    /** A JSON array of entries as exported: id, category, question, similar, answer, tags, validFrom, validUntil. */
    private static List<ImportRow> json(Path file) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            throw ContentException.invalid("JSON 格式有误：" + e.getOriginalMessage());
        }
        JsonNode entries = root != null && root.isObject() && root.has("entries") ? root.get("entries") : root;
        if (entries == null || !entries.isArray()) throw ContentException.invalid("JSON 文件应为条目数组。");
        var out = new ArrayList<ImportRow>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            out.add(new ImportRow(i + 1, text(e, "id"), text(e, "category"), text(e, "question"), lines(e, "similar"),
                    text(e, "answer"), joined(e, "tags"), text(e, "validFrom"), text(e, "validUntil")));
        }
        return out;
    }

    /** The repository's knowledge folder as a zip: every {@code *.yaml} with {@code entries} (faq/ files). */
    private static List<ImportRow> yamlZip(Path file) throws IOException {
        var out = new ArrayList<ImportRow>();
        try (var zip = new ZipInputStream(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (entry.isDirectory() || !(name.endsWith(".yaml") || name.endsWith(".yml"))) continue;
                JsonNode doc;
                try {
                    doc = YAML.readTree(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                } catch (JacksonException e) {
                    throw ContentException.invalid(name + " 不是有效的 YAML：" + e.getOriginalMessage());
                }
                if (doc == null || !doc.has("entries") || !doc.get("entries").isArray()) continue;
                String fileCategory = text(doc, "category");
                for (JsonNode e : doc.get("entries")) {
                    String category = text(e, "category").isEmpty() ? fileCategory : text(e, "category");
                    out.add(new ImportRow(out.size() + 1, text(e, "id"), category, text(e, "question"),
                            lines(e, "similar"), text(e, "answer"), joined(e, "tags"), text(e, "validFrom"),
                            text(e, "validUntil")));
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw ContentException.invalid("无法读取该 zip 文件：" + e.getMessage());
        }
        if (out.isEmpty()) throw ContentException.invalid("zip 中没有知识库条目（faq/*.yaml）。");
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "" : value.isValueNode() ? value.asString() : value.toString();
    }

    private static String lines(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return "";
        if (!value.isArray()) return value.asString();
        var parts = new ArrayList<String>();
        value.forEach(v -> parts.add(v.asString()));
        return String.join("\n", parts);
    }

    private static String joined(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return "";
        if (!value.isArray()) return value.asString();
        var parts = new ArrayList<String>();
        value.forEach(v -> parts.add(v.asString()));
        return String.join(",", parts);
    }

}
