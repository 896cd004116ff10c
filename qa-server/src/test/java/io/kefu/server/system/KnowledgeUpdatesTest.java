package io.kefu.server.system;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.QaBot;
import io.kefu.qa.calibrate.Calibration;
import io.kefu.qa.calibrate.CalibrationSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the content console calls on publishing: new content answers with thresholds calibrated for it. */
class KnowledgeUpdatesTest {

    private static final List<String> OUT_OF_SCOPE = IntStream.range(0, 25).mapToObj(i -> "今天天气怎么样" + i).toList();

    @Test
    void publishingNewContentCalibratesItsThresholds() throws Exception {
        var small = new KnowledgeBase(List.of(new FaqEntry("balance", "怎么查询话费余额", List.of("查余额"), "发送 YE 到 10099。", "")));
        var questions = new CalibrationSet(List.of(), OUT_OF_SCOPE);
        try (QaBot bot = QaBot.builder().knowledge(small).calibrate(questions).build()) {
            var updates = new KnowledgeUpdates(bot, questions);
            assertEquals(Calibration.Method.MODEL, bot.calibration().method(), "one phrasing is too few");
            Calibration published = updates.publish(services()).get(60, TimeUnit.SECONDS);
            assertEquals(Calibration.Method.CALIBRATED, published.method(), published.summary());
            assertSame(published, bot.calibration());
            assertEquals("roaming", bot.ask("怎么开通国际漫游").id());
            Calibration again = updates.recalibrate().get(60, TimeUnit.SECONDS);
            assertEquals(published.bands(), again.bands(), "the same content and questions fit the same thresholds");
            assertTrue(again != published, "made anew");
        }
    }

    /** Six entries of six phrasings: enough to calibrate on. */
    private static KnowledgeBase services() {
        String[][] topics = {
                {"roaming", "国际漫游怎么开通", "开通国际漫游", "出国漫游怎么开", "国际漫游开通方法", "想开国际漫游", "如何开国际漫游"},
                {"ringtone", "彩铃怎么开通", "开通彩铃", "彩铃开通方法", "想开个彩铃", "彩铃在哪开通", "如何开通彩铃"},
                {"invoice", "电子发票怎么开", "开电子发票", "电子发票开具", "要开电子发票", "电子发票在哪开", "如何开电子发票"},
                {"card-loss", "银行卡丢了怎么挂失", "挂失银行卡", "银行卡挂失", "银行卡丢失挂失", "丢了银行卡挂失", "银行卡怎么挂失"},
                {"points", "积分怎么兑换", "兑换积分", "积分兑换", "积分兑换礼品", "积分怎么换", "用积分兑换"},
                {"esim", "eSIM怎么开通", "开通eSIM", "eSIM开通", "eSIM开通方法", "想开eSIM", "如何开通eSIM"}};
        return new KnowledgeBase(java.util.Arrays.stream(topics).map(t -> new FaqEntry(t[0], t[1],
                List.of(t).subList(2, t.length), "答案：" + t[1], "")).toList());
    }
}
