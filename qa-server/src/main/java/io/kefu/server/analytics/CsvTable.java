package io.kefu.server.analytics;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A table as a CSV file that Excel on Chinese Windows opens correctly: UTF-8 with a byte-order mark (without it
 * Excel reads GBK and garbles every Chinese character), CRLF line ends, RFC 4180 quoting. A text cell that Excel
 * would run as a formula (a customer's question starting with {@code =}, {@code +}, {@code -} or {@code @}) is
 * prefixed with an apostrophe, so an unanswered question cannot become a formula on a supervisor's machine.
 */
record CsvTable(List<String> headers, List<List<Object>> rows) {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    CsvTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    byte[] bytes() {
        var text = new StringBuilder();
        line(text, List.copyOf(headers));
        for (List<Object> row : rows) line(text, row);
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, file, 0, BOM.length);
        System.arraycopy(body, 0, file, BOM.length, body.length);
        return file;
    }

    private static void line(StringBuilder text, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) text.append(',');
            text.append(cell(cells.get(i)));
        }
        text.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) return "";
        if (value instanceof Number) return value.toString();
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) text = "'" + text;
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
