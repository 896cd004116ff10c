package io.kefu.server.content;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of an .xlsx file's first sheet, read with POI's streaming (SAX) reader so a 50 MB workbook never sits in
 * memory as a DOM: cell text as Excel shows it (a formula's last result, a date in its display format), and the
 * value of a merged range in every cell of it.
 */
final class SpreadsheetRows {

    private SpreadsheetRows() {
    }

    /** Every row, by its row number (1-based), each as its cells by column. */
    static TreeMap<Integer, String[]> read(Path file, int columns) {
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            var strings = new ReadOnlySharedStringsTable(workbook);
            var rows = new TreeMap<Integer, String[]>();
            List<CellRangeAddress> merged = new ArrayList<>();
            try (InputStream sheet = firstSheet(reader)) {
                XMLReader parser = XMLHelper.newXMLReader();
                var cells = new Cells(rows, columns);
                var handler = new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, cells,
                        new DataFormatter(Locale.CHINA), false);
                parser.setContentHandler(new MergeAware(handler, merged));
                parser.parse(new InputSource(sheet));
            }
            fillMerged(rows, merged, columns);
            return rows;
        } catch (ContentException e) {
            throw e;
        } catch (Exception e) {
            throw ContentException.invalid("无法读取该 Excel 文件，请确认它是 .xlsx 格式且未加密、未损坏。");
        }
    }

    private static InputStream firstSheet(XSSFReader reader) throws Exception {
        var sheets = reader.getSheetsData();
        if (!sheets.hasNext()) throw ContentException.invalid("该 Excel 文件没有工作表。");
        return sheets.next();
    }

    /** The value of each merged range's first cell copied into its other cells (a category merged down rows). */
    private static void fillMerged(Map<Integer, String[]> rows, List<CellRangeAddress> merged, int columns) {
        for (CellRangeAddress range : merged) {
            String[] first = rows.get(range.getFirstRow() + 1);
            if (first == null || range.getFirstColumn() >= columns) continue;
            String value = first[range.getFirstColumn()];
            for (int r = range.getFirstRow(); r <= range.getLastRow(); r++) {
                String[] row = rows.computeIfAbsent(r + 1, k -> new String[columns]);
                for (int c = range.getFirstColumn(); c <= Math.min(range.getLastColumn(), columns - 1); c++) {
                    if (row[c] == null || row[c].isEmpty()) row[c] = value;
                }
            }
        }
    }

    /** Collects cells by row and column; columns beyond the template's are ignored. */
    private record Cells(Map<Integer, String[]> rows, int columns) implements XSSFSheetXMLHandler.SheetContentsHandler {

        @Override
        public void startRow(int rowNum) {
        }

        @Override
        public void endRow(int rowNum) {
        }

        @Override
        public void cell(String reference, String formatted, XSSFComment comment) {
            if (reference == null || formatted == null) return;
            var at = new CellReference(reference);
            if (at.getCol() >= columns) return;
            rows.computeIfAbsent(at.getRow() + 1, k -> new String[columns])[at.getCol()] = formatted;
        }
    }

    /** Passes the sheet to POI's handler and notes the merged ranges, which the sheet lists after its rows. */
    private static final class MergeAware extends DefaultHandler {
        private final DefaultHandler cells;
        private final List<CellRangeAddress> merged;

        MergeAware(DefaultHandler cells, List<CellRangeAddress> merged) {
            this.cells = cells;
            this.merged = merged;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws org.xml.sax.SAXException {
            if ("mergeCell".equals(localName) && attributes.getValue("ref") != null) {
                merged.add(CellRangeAddress.valueOf(attributes.getValue("ref")));
            }
            cells.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws org.xml.sax.SAXException {
            cells.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws org.xml.sax.SAXException {
            cells.characters(ch, start, length);
        }
    }
}
