package io.kefu.server.ticket;

import io.kefu.qa.dialog.BotMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer's 1–5 answer to the satisfaction question about a resolved ticket ({@link ResolutionNotices}): read
 * before the bot, only in the conversation the question was asked in and while it is unanswered, and stored with the
 * ticket. Any other message goes to the bot as usual.
 */
@Component
public class TicketSurveys {

    /** The quick buttons under the question; each sends its text. */
    static final List<String> BUTTONS = List.of("5分 非常满意", "4分 满意", "3分 一般", "2分 不满意", "1分 非常不满意");
    private static final Pattern STARS = Pattern.compile("^\\s*([1-5一二三四五])\\s*(分|星)?\\s*(非常满意|满意|一般|不满意|非常不满意)?\\s*$");
    private static final Map<String, Integer> WORDS = Map.of("非常满意", 5, "满意", 4, "一般", 3, "不满意", 2, "非常不满意", 1);
    private static final Map<Character, Integer> DIGITS = Map.of('一', 1, '二', 2, '三', 3, '四', 4, '五', 5);

    private final JdbcTicketStore tickets;
    private final TicketEvents events;
    private final TicketSettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;

    TicketSurveys(JdbcTicketStore tickets, TicketEvents events, TicketSettings settings, Clock handoffClock,
                  PlatformTransactionManager transactions) {
        this.tickets = tickets;
        this.events = events;
        this.settings = settings;
        this.clock = handoffClock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The thanks for a rating when {@code text} rates a ticket this conversation was asked about; else empty. */
    public Optional<BotMessage> answer(String conversation, String text) {
        Integer stars = stars(text);
        if (stars == null) return Optional.empty();
        Instant now = clock.instant();
        return tx.execute(status -> tickets.awaitingRating(conversation, now.minus(settings.surveyWindow()))
                .filter(id -> tickets.rate(id, stars, now))
                .map(id -> {
                    events.append(id, TicketEvent.of(now, TicketEvent.CUSTOMER, TicketEvent.Kind.RATED)
                            .withBody(stars + " 分"));
                    return new BotMessage(BotMessage.Kind.ANSWER, "感谢您对工单 " + id + " 处理结果的评价（" + stars
                            + " 分），我们会继续改进服务。", null, List.of(), List.of());
                }));
    }

    /** 1–5 from "5", "5分", "五星", "4分 满意" or a word alone ("满意"); {@code null} for anything else. */
    static Integer stars(String text) {
        if (text == null) return null;
        String t = text.strip();
        Integer word = WORDS.get(t);
        if (word != null) return word;
        Matcher m = STARS.matcher(t);
        if (!m.matches()) return null;
        char c = m.group(1).charAt(0);
        return Character.isDigit(c) ? c - '0' : DIGITS.get(c);
    }
}
