package io.kefu.qa.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the benchmarks' tab-separated files: UTF-8, one header line, no quoting. */
final class Tsv {

    private Tsv() {
    }

    /** Every data row as a map from header name to cell; a short row gets empty cells. */
    static List<Map<String, String>> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lines.isEmpty()) throw new IllegalArgumentException(file + " is empty: expected a header line");
        String[] header = lines.get(0).replace("\uFEFF", "").split("\t", -1);
        var rows = new ArrayList<Map<String, String>>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) continue;
            String[] cells = line.split("\t", -1);
            var row = new java.util.LinkedHashMap<String, String>();
            for (int c = 0; c < header.length; c++) row.put(header[c], c < cells.length ? cells[c].trim() : "");
            rows.add(row);
        }
        return rows;
    }

    static String require(Map<String, String> row, String column, Path file) {
        String value = row.get(column);
        if (value == null) throw new IllegalArgumentException(file + " has no column '" + column + "'");
        return value;
    }
}
