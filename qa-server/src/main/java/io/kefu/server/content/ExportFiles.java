package io.kefu.server.content;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes entries in every import format, so that an export imported again changes nothing: the template's Chinese
 * headers, similar phrasings one a line, dates to the minute in Beijing time. Also the template itself and the
 * failed rows of an import with their 错误原因.
 */
final class ExportFiles {

    static final String REASON = "错误原因";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private ExportFiles() {
    }

    static void write(ImportFormat format, List<EntryContent> entries, OutputStream out) throws IOException {
        switch (format) {
            case XLSX -> xlsx(ImportRow.HEADERS, entries.stream().map(ExportFiles::cells).toList(), out);
            case CSV -> csv(ImportRow.HEADERS, entries.stream().map(ExportFiles::cells).toList(), out);
            case JSON -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, entries);
            case YAML -> yamlZip(entries, out);
        }
    }

    /** Rows that failed an import, as they were, with a last column saying why (xlsx, or csv for a csv file). */
    static void failedRows(ImportFormat format, List<ImportRow> rows, Map<Integer, String> reasons, OutputStream out)
            throws IOException {
        var headers = new ArrayList<>(ImportRow.HEADERS);
        headers.add(REASON);
        var cells = new ArrayList<String[]>();
        for (ImportRow row : rows) {
            String reason = reasons.get(row.row());
            if (reason == null) continue;
            String[] original = row.cells();
            String[] withReason = java.util.Arrays.copyOf(original, original.length + 1);
            withReason[original.length] = "第 " + row.row() + " 行 " + reason;
            cells.add(withReason);
        }
        if (format == ImportFormat.CSV) csv(headers, cells, out);
        else xlsx(headers, cells, out);
    }

    static String[] cells(EntryContent e) {
        return new String[]{e.id(), e.category(), e.question(), String.join("\n", e.similar()), e.answer(),
                String.join(",", e.tags()), EntryDates.format(e.validFrom()), EntryDates.format(e.validUntil())};
    }

    /** Streaming: a window of rows in memory, the rest on disk, whatever the number of entries. */
    private static void xlsx(List<String> headers, List<String[]> rows, OutputStream out) throws IOException {
        try (var workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("知识库");
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) header.createCell(c).setCellValue(headers.get(c));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                String[] cells = rows.get(r);
                for (int c = 0; c < cells.length; c++) {
                    var cell = row.createCell(c);
                    cell.setCellValue(cells[c] == null ? "" : cells[c]);
                    if (c == 3) cell.setCellStyle(wrap);
                }
            }
            workbook.write(out);
        }
    }

    /** UTF-8 with a byte-order mark, so that Excel on Chinese Windows opens it as UTF-8. */
    private static void csv(List<String> headers, List<String[]> rows, OutputStream out) throws IOException {
        out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (var printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            printer.printRecord(headers);
            for (String[] row : rows) printer.printRecord((Object[]) row);
        }
    }

    /** The repository's knowledge folder: {@code faq/<n>.yaml}, one file per category, as {@code KnowledgeFolder} reads. */
    private static void yamlZip(List<EntryContent> entries, OutputStream out) throws IOException {
        var byCategory = new LinkedHashMap<String, List<Map<String, Object>>>();
        for (EntryContent e : entries) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("id", e.id());
            entry.put("question", e.question());
            entry.put("similar", e.similar());
            entry.put("answer", e.answer());
            if (!e.tags().isEmpty()) entry.put("tags", e.tags());
            if (e.validFrom() != null) entry.put("validFrom", e.validFrom().toString());
            if (e.validUntil() != null) entry.put("validUntil", e.validUntil().toString());
            byCategory.computeIfAbsent(e.category(), k -> new ArrayList<>()).add(entry);
        }
        var zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        int n = 0;
        for (var category : byCategory.entrySet()) {
            zip.putNextEntry(new ZipEntry(String.format("faq/%03d.yaml", ++n)));
            var file = new LinkedHashMap<String, Object>();
            file.put("category", category.getKey());
            file.put("entries", category.getValue());
            zip.write(YAML.writeValueAsBytes(file));
            zip.closeEntry();
        }
        zip.finish();
    }
}
