package io.kefu.qa;

import io.kefu.qa.calibrate.Calibration;
import io.kefu.qa.calibrate.CalibrationCache;
import io.kefu.qa.calibrate.CalibrationSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bot that calibrates its thresholds on its own knowledge base, through the public API. */
class QaBotCalibrationTest {

    /** Ten services, each asked about in six ways: held out one by one, each still finds its entry. */
    private static final KnowledgeBase SERVICES = new KnowledgeBase(List.of(
            entry("ringtone", "彩铃怎么开通", "开通彩铃", "彩铃开通方法", "想开个彩铃", "彩铃在哪开通", "如何开通彩铃"),
            entry("roaming", "国际漫游怎么开通", "开通国际漫游", "出国漫游怎么开", "国际漫游开通方法", "想开国际漫游", "如何开国际漫游"),
            entry("broadband", "宽带坏了怎么报修", "宽带报修", "宽带故障报修", "报修宽带", "宽带坏了报修", "宽带断网报修"),
            entry("invoice", "电子发票怎么开", "开电子发票", "电子发票开具", "要开电子发票", "电子发票在哪开", "如何开电子发票"),
            entry("password", "服务密码忘了怎么重置", "重置服务密码", "服务密码忘记了", "忘了服务密码", "服务密码怎么重置", "找回服务密码"),
            entry("card-loss", "银行卡丢了怎么挂失", "挂失银行卡", "银行卡挂失", "银行卡丢失挂失", "丢了银行卡挂失", "银行卡怎么挂失"),
            entry("credit-limit", "信用卡额度怎么提高", "提高信用卡额度", "信用卡提额", "信用卡额度提升", "想提信用卡额度", "信用卡怎么提额"),
            entry("transfer-limit", "手机银行转账限额多少", "转账限额", "手机银行转账限额", "转账限额是多少", "手机银行限额", "转账额度限制"),
            entry("esim", "eSIM怎么开通", "开通eSIM", "eSIM开通", "eSIM开通方法", "想开eSIM", "如何开通eSIM"),
            entry("points", "积分怎么兑换", "兑换积分", "积分兑换", "积分兑换礼品", "积分怎么换", "用积分兑换")));

    /** Nothing the services answer. */
    private static final List<String> UNRELATED = List.of("今天天气怎么样", "红烧肉的做法", "推荐一部电影", "世界杯几号开始",
            "附近有好吃的吗", "讲个笑话", "猫咪掉毛正常吗", "明天下雨吗", "高考分数线", "学英语的方法", "减肥吃什么",
            "宝宝发烧了", "油价涨了没", "机票退票", "火车票改签", "失眠睡不着", "周末去哪玩", "股票行情", "医院挂号",
            "驾照换证", "房价走势", "养狗注意什么", "面试技巧", "蛋糕的做法", "小说推荐");

    private static QaBot bot;

    @BeforeAll
    static void start() {
        bot = builder().calibrate(new CalibrationSet(List.of(), UNRELATED)).build();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    private static QaBot.Builder builder() {
        return QaBot.builder().knowledge(SERVICES).lexicon(Fixtures.lexicon()).model(Fixtures.model());
    }

    private static FaqEntry entry(String id, String question, String... similar) {
        return new FaqEntry(id, question, List.of(similar), "答案：" + question, "");
    }

    @Test
    void fitsThresholdsThatAnswerTheServicesAndDeclineTheRest() {
        Calibration calibration = bot.calibration();
        assertEquals(Calibration.Method.CALIBRATED, calibration.method(), calibration.summary());
        assertEquals(new Calibration.Data(50, 4, 0, 0, UNRELATED.size(), 0), calibration.data());
        assertEquals(1.0, calibration.achieved().rejection(), calibration.summary());
        assertTrue(calibration.achieved().accuracy() > 0.9, calibration.summary());
        assertNotEquals(Fixtures.model().thresholds(), calibration.bandFor(5).thresholds());
        for (String question : UNRELATED) assertNotEquals(ReplyKind.ANSWER, bot.ask(question).kind(), question);
        assertEquals("roaming", bot.ask("国际漫游怎么开").id());
    }

    @Test
    void everyReplyShowsTheThresholdsItWasDecidedWith() {
        Reply reply = bot.ask("彩铃怎么开通呢");
        assertNotNull(reply.trace().thresholds());
        assertSame(bot.calibration(), reply.trace().thresholds().calibration());
        assertEquals(bot.calibration().bandFor(6), reply.trace().thresholds().band());
        assertEquals(reply.trace().thresholds(), bot.choose("彩铃怎么开通呢", "esim").trace().thresholds());
    }

    @Test
    void aKeptCalibrationOfTheSameContentIsReusedAndNewContentIsCalibratedAgain() throws Exception {
        var kept = new ArrayList<Calibration>();
        var cache = new CalibrationCache() {
            @Override
            public Optional<Calibration> find(String key) {
                return kept.stream().filter(c -> c.key().equals(key)).findFirst();
            }

            @Override
            public void store(Calibration calibration) {
                kept.add(calibration);
            }
        };
        try (QaBot first = builder().calibrate(new CalibrationSet(List.of(), UNRELATED)).calibrationCache(cache).build()) {
            assertEquals(1, kept.size());
            assertEquals(64, kept.get(0).key().length());
            assertEquals(bot.calibration().withKey(kept.get(0).key()), first.calibration(), "calibrating is deterministic");
        }
        try (QaBot second = builder().calibrate(new CalibrationSet(List.of(), UNRELATED)).calibrationCache(cache).build()) {
            assertEquals(1, kept.size(), "the kept calibration was found");
            assertSame(kept.get(0), second.calibration());
            var entries = new ArrayList<>(SERVICES.entries());
            entries.add(entry("ringtone-cancel", "彩铃怎么取消", "取消彩铃", "不要彩铃了", "关掉彩铃", "彩铃取消方法"));
            second.reload(new KnowledgeBase(entries)).get(60, TimeUnit.SECONDS);
            assertEquals(2, kept.size(), "new content, new calibration");
            assertEquals(54, second.calibration().data().heldOutPhrasings());
            assertEquals("ringtone-cancel", second.ask("怎么取消彩铃").trace().candidates().get(0).id());
        }
    }

    @Test
    void recalibratingWithOtherQuestionsReplacesTheThresholdsAndKeepsTheIndex() throws Exception {
        try (QaBot recalibrated = builder().build()) {
            assertEquals(Calibration.Method.MODEL, recalibrated.calibration().method());
            Calibration made = recalibrated.recalibrate(new CalibrationSet(List.of(), UNRELATED)).get(60, TimeUnit.SECONDS);
            assertEquals(Calibration.Method.CALIBRATED, made.method());
            assertSame(made, recalibrated.calibration());
            assertSame(made, recalibrated.ask("国际漫游怎么开").trace().thresholds().calibration());
        }
    }

    @Test
    void aKnowledgeBaseWithTooFewPhrasingsKeepsTheModelsThresholdsAndSaysWhy() {
        try (QaBot small = Fixtures.folder().botBuilder().model(Fixtures.model())
                .calibrate(new CalibrationSet(List.of(), UNRELATED)).build()) {
            Calibration calibration = small.calibration();
            assertEquals(Calibration.Method.MODEL, calibration.method());
            assertTrue(calibration.reason().startsWith("too few calibration questions"), calibration.reason());
            assertEquals(Fixtures.model().thresholds(), small.ask("话费余额怎么查").trace().thresholds().thresholds());
        }
    }
}
