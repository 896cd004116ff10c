package io.kefu.qa.intent;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in slot types on the texts customers type (already normalised). */
class SlotScannersTest {

    private static final Clock NOV_22 = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private static List<String> found(SlotScanner scanner, String text, String type) {
        var out = new ArrayList<Recognition>();
        scanner.scan(text, out);
        return out.stream().filter(r -> r.type().equals(type))
                .map(r -> text.substring(r.start(), r.end()) + "=" + r.value()).toList();
    }

    @Test
    void mobileNumbersWithSpacesOrDashes() {
        var digits = new DigitScanner();
        assertEquals(List.of("13800138000=13800138000"), found(digits, "查13800138000的话费", SlotTypes.MOBILE));
        assertEquals(List.of("138 0013 8000=13800138000"), found(digits, "号码138 0013 8000", SlotTypes.MOBILE));
        assertEquals(List.of("159-1234-5678=15912345678"), found(digits, "159-1234-5678", SlotTypes.MOBILE));
    }

    @Test
    void notEveryElevenDigitsAreAMobileNumber() {
        var digits = new DigitScanner();
        assertEquals(List.of(), found(digits, "12800138000", SlotTypes.MOBILE), "no mobile prefix starts with 12");
        assertEquals(List.of(), found(digits, "138001380001", SlotTypes.MOBILE), "twelve digits");
        assertEquals(List.of(), found(digits, "02112345678", SlotTypes.MOBILE), "a landline with area code");
        assertEquals(List.of("13800138000=13800138000"), found(digits, "13800138000 100元", SlotTypes.MOBILE),
                "a grouped chain still yields the mobile number inside it");
    }

    @Test
    void idCardsNeedAValidCheckCharacter() {
        var digits = new DigitScanner();
        assertEquals(List.of("11010519491231002x=11010519491231002X"), found(digits, "身份证11010519491231002x", SlotTypes.ID_CARD));
        assertEquals(List.of("440304199001011233=440304199001011233"), found(digits, "440304199001011233", SlotTypes.ID_CARD));
        assertEquals(List.of(), found(digits, "440304199001011234", SlotTypes.ID_CARD), "wrong check digit");
    }

    @Test
    void bankCardsNeedTheLuhnCheck() {
        var digits = new DigitScanner();
        assertEquals(List.of("6222021234567890128=6222021234567890128"), found(digits, "卡号6222021234567890128", SlotTypes.BANK_CARD));
        assertEquals(List.of("6222 0212 3456 7890 128=6222021234567890128"),
                found(digits, "卡号6222 0212 3456 7890 128", SlotTypes.BANK_CARD));
        assertEquals(List.of(), found(digits, "6222021234567890127", SlotTypes.BANK_CARD), "one digit off");
        assertEquals(List.of(), found(digits, "4111111111111", SlotTypes.BANK_CARD), "too short");
    }

    @Test
    void plainNumbersKeepLeadingZeros() {
        assertEquals(List.of("021=021", "12345678=12345678"), found(new DigitScanner(), "账号021 12345678", SlotTypes.NUMBER));
    }

    @Test
    void amountsInDigitsOrChineseNumerals() {
        var amounts = new AmountScanner();
        assertEquals(List.of("100元=100"), found(amounts, "充100元话费", SlotTypes.AMOUNT));
        assertEquals(List.of("五十块钱=50"), found(amounts, "充五十块钱", SlotTypes.AMOUNT));
        assertEquals(List.of("一百五十元=150"), found(amounts, "扣了一百五十元", SlotTypes.AMOUNT));
        assertEquals(List.of("两百块=200"), found(amounts, "交两百块", SlotTypes.AMOUNT));
        assertEquals(List.of("30 元=30"), found(amounts, "30 元", SlotTypes.AMOUNT));
        assertEquals(List.of(), found(amounts, "单元楼", SlotTypes.AMOUNT), "元 without a number");
    }

    @Test
    void chineseNumerals() {
        assertEquals(50, ChineseNumerals.parse("五十"));
        assertEquals(15, ChineseNumerals.parse("十五"));
        assertEquals(105, ChineseNumerals.parse("一百零五"));
        assertEquals(150, ChineseNumerals.parse("一百五"));
        assertEquals(3500, ChineseNumerals.parse("三千五"));
        assertEquals(12000, ChineseNumerals.parse("一万二"));
        assertEquals(20021, ChineseNumerals.parse("两万零二十一"));
        assertEquals(-1, ChineseNumerals.parse("一二三"), "digits read out one by one are not a number");
        assertEquals(-1, ChineseNumerals.parse("百千"));
    }

    @Test
    void relativeDatesFollowTheClock() {
        var dates = new DateScanner(NOV_22);
        assertEquals(List.of("今天=2026-11-22"), found(dates, "今天", SlotTypes.DATE));
        assertEquals(List.of("明天=2026-11-23"), found(dates, "明天能到账吗", SlotTypes.DATE));
        assertEquals(List.of("昨天=2026-11-21"), found(dates, "昨天扣的费", SlotTypes.DATE));
        assertEquals(List.of("本月=2026-11"), found(dates, "本月话费", SlotTypes.DATE));
        assertEquals(List.of("上个月=2026-10"), found(dates, "上个月的账单", SlotTypes.DATE));
        assertEquals(List.of("下个月=2026-12"), found(dates, "下个月生效", SlotTypes.DATE));
        var january = new DateScanner(Clock.fixed(Instant.parse("2027-01-05T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
        assertEquals(List.of("上个月=2026-12"), found(january, "上个月", SlotTypes.DATE), "across the new year");
    }

    @Test
    void calendarDates() {
        var dates = new DateScanner(NOV_22);
        assertEquals(List.of("5月1日=2026-05-01"), found(dates, "5月1日的话费", SlotTypes.DATE));
        assertEquals(List.of("五月一号=2026-05-01"), found(dates, "五月一号", SlotTypes.DATE));
        assertEquals(List.of("2025年12月31日=2025-12-31"), found(dates, "2025年12月31日", SlotTypes.DATE));
        assertEquals(List.of("2026 05 01=2026-05-01"), found(dates, "2026 05 01", SlotTypes.DATE), "2026-05-01 normalised");
        assertEquals(List.of("12月份=2026-12"), found(dates, "12月份的账单", SlotTypes.DATE));
        assertEquals(List.of(), found(dates, "2月30日", SlotTypes.DATE), "no such day");
        assertEquals(List.of(), found(dates, "3个月", SlotTypes.DATE), "a duration is not a date");
        assertEquals(List.of(), found(dates, "月租多少", SlotTypes.DATE));
    }

    @Test
    void entitiesAreFoundInOnePassWithTheirCanonicalValue() {
        var entities = new EntityScanner(List.of(new EntityDictionary("product",
                java.util.Map.of("宽带", List.of("光纤", "WiFi")), "test")));
        assertEquals(List.of("光纤=宽带"), found(entities, "光纤坏了", "product"));
        assertEquals(List.of("wifi=宽带"), found(entities, "wifi连不上", "product"), "values are folded like the question");
        assertTrue(found(entities, "wifi6路由器", "product").isEmpty(), "an ASCII value matches whole words only");
    }
}
