package io.kefu.server.analytics;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTableTest {

    @Test
    void utf8WithBomCrlfAndQuoting() {
        byte[] file = new CsvTable(List.of("问题", "次数"), List.of(List.of("话费,怎么\"查\"", 3L),
                Arrays.asList("多行\n文本", null))).bytes();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(file[0], file[1], file[2]));
        assertEquals("问题,次数\r\n\"话费,怎么\"\"查\"\"\",3\r\n\"多行\n文本\",\r\n",
                new String(file, 3, file.length - 3, StandardCharsets.UTF_8));
    }

    @Test
    void textThatExcelWouldRunAsAFormulaIsNeutralised() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", CsvTable.cell("=HYPERLINK(\"x\")"));
        assertEquals("'+1", CsvTable.cell("+1"));
        assertEquals("'-2", CsvTable.cell("-2"));
        assertEquals("'@SUM(A1)", CsvTable.cell("@SUM(A1)"));
        assertEquals("-2", CsvTable.cell(-2), "numbers stay numbers");
        assertEquals("0.25", CsvTable.cell(0.25));
    }
}
