package io.kefu.server.content;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Encodings and dates as Chinese spreadsheets write them, and the checks of an import's rows. */
class ImportFilesTest {

    private static final String TEXT = "标准问题,答案\n银行卡丢了怎么办,请立即挂失。\n";

    @Test
    void csvTextIsUtf8WithOrWithoutBomOrElseGb18030() {
        assertEquals(TEXT, ImportFiles.decode(TEXT.getBytes(StandardCharsets.UTF_8)));
        byte[] bom = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8);
        assertEquals(TEXT, ImportFiles.decode(bom));
        assertEquals(TEXT, ImportFiles.decode(TEXT.getBytes(Charset.forName("GBK"))));
        String rare = "㐀字（GB18030 才有）";
        assertEquals(rare, ImportFiles.decode(rare.getBytes(Charset.forName("GB18030"))));
    }

    @Test
    void datesAreBeijingTimeToTheMinuteInTheFormatsSpreadsheetsWrite() {
        Instant eight = Instant.parse("2026-06-01T00:00:00Z");
        assertEquals(eight, EntryDates.parse("2026-06-01 08:00"));
        assertEquals(eight, EntryDates.parse("2026/6/1 8:00"));
        assertEquals(eight, EntryDates.parse("2026-06-01T08:00"));
        assertEquals(Instant.parse("2026-05-31T16:00:00Z"), EntryDates.parse("2026-06-01"));
        assertEquals(eight, EntryDates.parse("6/1/26 8:00"));
        assertEquals(eight, EntryDates.parse("2026-06-01T00:00:00Z"));
        assertNull(EntryDates.parse("  "));
        assertThrows(DateTimeParseException.class, () -> EntryDates.parse("下周一"));
        assertEquals("2026-06-01 08:00", EntryDates.format(eight));
    }

    @Test
    void rowsAreCheckedAgainstEachOtherAndTheEntriesInPlace() {
        var existing = new EntryContent("balance", "怎么查询话费余额", List.of("我还剩多少话费"), "拨打 10086。", "话费",
                List.of(), null, null);
        var roaming = new EntryContent("roaming", "国际漫游怎么开通", List.of("出国漫游怎么开"), "发送 KTMY。", "漫游",
                List.of(), null, null);
        var current = Map.of("balance", new EntryVersion(1, "balance", existing, false, VersionState.PUBLISHED,
                "system", Instant.EPOCH, null, null, null, null), "roaming", new EntryVersion(2, "roaming", roaming,
                false, VersionState.PUBLISHED, "system", Instant.EPOCH, null, null, null, null));
        var rows = List.of(
                new ImportRow(2, "balance", "话费", "怎么查询话费余额", "我还剩多少话费", "拨打 10086。", "", "", ""),
                new ImportRow(3, "a", "", "宽带怎么续费", "宽带续费##宽带到期", "App 续费。", "", "", ""),
                new ImportRow(4, "a", "", "宽带怎么报修", "", "拨打 10000。", "", "", ""),
                new ImportRow(5, "", "", "宽带续费", "", "重复的问法。", "", "", ""),
                new ImportRow(6, "b", "", "漫游开通", "出国漫游怎么开", "别的条目的问法。", "", "", ""),
                new ImportRow(7, "c", "", "流量包怎么退", "", "App 退订。", "", "2026-06-02", "2026-06-01"));
        ImportCheck.Plan plan = ImportCheck.check("x.csv", rows, current, false);
        var report = plan.report();
        assertEquals(1, report.unchanged());
        assertEquals(List.of(4, 5, 6, 7), report.errors().stream().map(ImportReport.RowError::row).toList(),
                report.errors().toString());
        assertTrue(report.errors().get(0).message().contains("与第 3 行重复"));
        assertTrue(report.errors().get(1).message().contains("宽带续费"));
        assertTrue(report.errors().get(2).message().contains("已属于条目 roaming"), report.errors().toString());
        assertEquals("失效时间", report.errors().get(3).column());
        assertTrue(plan.reasons().get(6).contains("已属于条目 roaming"));
        assertEquals(1, report.created(), "row 3 only");
    }
}
