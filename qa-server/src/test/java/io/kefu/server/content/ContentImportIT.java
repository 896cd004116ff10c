package io.kefu.server.content;

import io.kefu.server.staff.ApiTokens;
import io.kefu.server.staff.StaffService;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Imports on a real server: xlsx (merged cells, a formula), UTF-8 and GBK CSV, JSON; a dry run first, then all or
 * nothing into drafts; a file with one bad row changes nothing and names the row; the failed rows come back with
 * 错误原因; export then import of every format changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContentImportIT {

    static final String HEADER = "ID（选填，填写则更新该条）,分类,标准问题,相似问题（每行一个，或用##分隔）,答案,标签,生效时间,失效时间\n";

    @DynamicPropertySource
    static void ownDataFolder(DynamicPropertyRegistry registry) throws IOException {
        var dataDir = Files.createTempDirectory("kefu-content-import");
        registry.add("kefu.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    StaffService staff;
    @Autowired
    ApiTokens tokens;

    ContentFixture team;

    @BeforeEach
    void team() {
        team = new ContentFixture(port, staff, tokens, "i" + UUID.randomUUID().toString().substring(0, 6));
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void anXlsxWithMergedCellsAndAFormulaIsCheckedThenApplied() throws IOException {
        String t = tag();
        byte[] file = xlsx(new String[][]{
                {"imp-a-" + t, "宽带", "宽带怎么续费" + t, "宽带到期了怎么续\n宽带续费流程" + t, "在星河 App 的宽带页面续费。", "宽带,续费", "2026-06-01 08:00", ""},
                {"imp-b-" + t, null, "宽带套餐怎么改" + t, "想换个宽带套餐" + t + "##宽带改套餐" + t, "FORMULA", "", "", "2026/12/31 23:59"}});
        var dry = team.editor.upload("/api/content/imports", "知识.xlsx", file);
        assertEquals(200, dry.status(), dry.text());
        assertEquals(2, dry.get("created").asInt());
        assertTrue(team.editor.get("/api/content/entries/imp-a-" + t).status() == 404, "a dry run changes nothing");

        var applied = team.editor.upload("/api/content/imports?apply=true", "知识.xlsx", file);
        assertEquals(201, applied.status(), applied.text());
        JsonNode b = team.editor.get("/api/content/entries/imp-b-" + t).body();
        assertEquals("宽带", b.get("category").asString(), "the merged category cell");
        assertEquals("答案由公式生成", b.get("answer").asString(), "the formula's result");
        assertEquals(List.of("想换个宽带套餐" + t, "宽带改套餐" + t), ContentApi.JSON.convertValue(b.get("similar"), List.class));
        assertEquals("2026-12-31T15:59:00Z", b.get("validUntil").asString(), "Beijing time");
        assertEquals("DRAFT", b.get("state").asString());
        JsonNode a = team.editor.get("/api/content/entries/imp-a-" + t).body();
        assertEquals(2, a.get("similar").size());
        assertEquals("2026-06-01T00:00:00Z", a.get("validFrom").asString());
    }

    @Test
    void utf8AndGbkCsvFilesAreReadWithoutBeingTold() {
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"), Charset.forName("GB18030"))) {
            String t = tag();
            String csv = HEADER + "csv-" + t + ",话费,话费发票怎么开" + t + ",\"电子发票在哪下载" + t + "\n发票怎么开具" + t
                    + "\",登录星河 App，在「账单」中开具电子发票。,发票,,\n";
            byte[] bytes = csv.getBytes(charset);
            var dry = team.editor.upload("/api/content/imports", "发票.csv", bytes);
            assertEquals(200, dry.status(), charset + ": " + dry.text());
            assertEquals(1, dry.get("created").asInt());
            assertEquals(201, team.editor.upload("/api/content/imports?apply=true", "发票.csv", bytes).status());
            JsonNode entry = team.editor.get("/api/content/entries/csv-" + t).body();
            assertEquals("话费发票怎么开" + t, entry.get("question").asString(), charset.name());
            assertEquals("电子发票在哪下载" + t, entry.get("similar").get(0).asString());
        }
        byte[] withBom = ("\uFEFF" + HEADER + ",话费,流量发票怎么开" + tag() + ",,在 App 中开具。,,,\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(200, team.editor.upload("/api/content/imports", "bom.csv", withBom).status());
    }

    @Test
    void aJsonFileImports() {
        String t = tag();
        String json = "[{\"id\":\"json-" + t + "\",\"category\":\"漫游\",\"question\":\"国际漫游怎么开" + t
                + "\",\"similar\":[\"出国漫游开通" + t + "\"],\"answer\":\"发送 KTMY 到 10086。\",\"tags\":[\"漫游\"]}]";
        var applied = team.editor.upload("/api/content/imports?apply=true", "漫游.json", json.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, applied.status(), applied.text());
        assertEquals("国际漫游怎么开" + t, team.editor.get("/api/content/entries/json-" + t).get("question").asString());
    }

    @Test
    void aFileWithOneBadRowChangesNothingAndNamesTheRow() throws IOException {
        String t = tag();
        String csv = HEADER
                + "bad-a-" + t + ",话费,话费怎么充值" + t + ",,在 App 充值。,,,\n"
                + "bad-b-" + t + ",话费,话费充值优惠" + t + ",,,,,\n"                                   // row 3: no answer
                + "bad-c-" + t + ",话费,充值卡怎么用" + t + ",,刮开密码充值。,,下周一,\n"               // row 4: bad date
                + "bad-d-" + t + ",话费,我还剩多少话费,,重复。,,,\n";                                    // row 5: another entry's
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        var dry = team.editor.upload("/api/content/imports", "坏.csv", bytes);
        assertEquals(422, dry.status(), dry.text());
        JsonNode errors = dry.get("errors");
        assertEquals(3, errors.size(), errors.toString());
        assertEquals(3, errors.get(0).get("row").asInt());
        assertEquals("答案", errors.get(0).get("column").asString());
        assertEquals("缺少答案。", errors.get(0).get("message").asString());
        assertEquals(4, errors.get(1).get("row").asInt());
        assertEquals("生效时间", errors.get(1).get("column").asString());
        assertEquals(5, errors.get(2).get("row").asInt());
        assertTrue(errors.get(2).get("message").asString().contains("tel-billing-001"), errors.toString());

        var applied = team.editor.upload("/api/content/imports?apply=true", "坏.csv", bytes);
        assertEquals(422, applied.status());
        assertEquals(404, team.editor.get("/api/content/entries/bad-a-" + t).status(), "the good row is not applied either");

        String failed = new String(team.editor.uploadForFile("/api/content/imports?failedRows=true", "坏.csv", bytes),
                StandardCharsets.UTF_8);
        assertTrue(failed.contains("错误原因"), failed);
        assertTrue(failed.contains("第 3 行 答案：缺少答案。"), failed);
        assertTrue(!failed.contains("bad-a-" + t), "only the failed rows");
    }

    @Test
    void anExportImportedAgainChangesNothingInEveryFormat() {
        int entries = team.editor.get("/api/content/releases").body().get(0).get("entries").asInt();
        for (String format : List.of("xlsx", "csv", "json", "yaml")) {
            byte[] exported = team.editor.download("/api/content/export?format=" + format);
            String name = "导出." + (format.equals("yaml") ? "zip" : format);
            var again = team.editor.upload("/api/content/imports", name, exported);
            assertEquals(200, again.status(), format + ": " + again.text());
            assertEquals(0, again.get("created").asInt(), format + ": " + again.text());
            assertEquals(0, again.get("updated").asInt(), format + ": " + again.get("updatedIds"));
            assertEquals(entries, again.get("unchanged").asInt(), format);
        }
    }

    @Test
    void theTemplateHasTheChineseHeaders() throws IOException {
        byte[] template = team.editor.download("/api/content/imports/template?format=xlsx");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Row header = workbook.getSheetAt(0).getRow(0);
            assertEquals("ID（选填，填写则更新该条）", header.getCell(0).getStringCellValue());
            assertEquals("相似问题（每行一个，或用##分隔）", header.getCell(3).getStringCellValue());
            assertEquals("失效时间", header.getCell(7).getStringCellValue());
        }
        assertEquals(403, team.agent.upload("/api/content/imports", "x.csv", HEADER.getBytes(StandardCharsets.UTF_8)).status());
        var unknown = team.editor.upload("/api/content/imports", "知识.docx", new byte[]{1, 2, 3});
        assertEquals(400, unknown.status());
        assertTrue(unknown.get("detail").asString().contains("不支持的文件类型"), unknown.text());
        var noFile = team.editor.post("/api/content/imports", Map.of());
        assertEquals(400, noFile.status());
        var notXlsx = team.editor.upload("/api/content/imports", "坏.xlsx", "不是表格".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, notXlsx.status());
        assertTrue(notXlsx.get("detail").asString().contains("无法读取该 Excel 文件"), notXlsx.text());
        var empty = team.editor.upload("/api/content/imports", "空.csv", new byte[0]);
        assertEquals(400, empty.status());
        assertTrue(empty.get("detail").asString().contains("文件是空的"), empty.text());
    }

    /** A workbook with the template's header, the rows, the second row's category merged from the first, a formula. */
    private static byte[] xlsx(String[][] rows) throws IOException {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("知识库");
            Row header = sheet.createRow(0);
            String[] headers = HEADER.strip().split(",");
            for (int c = 0; c < headers.length; c++) header.createCell(c).setCellValue(headers[c]);
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] == null) continue;
                    if (rows[r][c].equals("FORMULA")) row.createCell(c).setCellFormula("\"答案由\"&\"公式生成\"");
                    else row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(1, 2, 1, 1));
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
