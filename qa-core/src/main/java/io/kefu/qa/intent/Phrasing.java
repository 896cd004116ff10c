package io.kefu.qa.intent;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The few function words that say how a message is put, on normalised text: filler around a template that still
 * leaves it the whole message (哦 好的 谢谢, 转人工吧), the cues of a request (帮我, 我要, 麻烦, 能不能 right before
 * the thing asked for) and the words of a question (怎么, 多少, 哪, 吗, 欠不欠). Chinese marks a question with such
 * words, not with word order, so a negation (不, 没, 别) never makes a message a question or a refusal by itself.
 */
public final class Phrasing {

    /**
     * Acknowledgements, thanks, greetings and interjections that may open a message without changing what it asks;
     * longest first.
     */
    private static final List<String> LEADING_FILLER = List.of(
            "明白了", "知道了", "清楚了", "了解了", "谢谢你", "谢谢您", "谢谢啦", "谢谢了", "多谢了", "嗯嗯", "恩恩", "哦哦",
            "好的", "好吧", "好嘞", "好滴", "好啊", "行吧", "那好", "是的", "谢谢", "多谢", "谢啦", "谢了", "收到", "懂了", "你好", "您好", "在吗", "在么",
            "okay", "ok", "嗯", "恩", "哦", "噢", "喔", "啊", "呃", "额", "哎", "唉", "喂", "好", "行", "对", "那");
    /**
     * Sentence-final particles that add tone only ("呢" and "吗" ask, so they are not here), and a parting word
     * after the rest (没别的事了，拜拜).
     */
    private static final List<String> TRAILING_FILLER = List.of("哈哈", "拜拜", "再见", "啊", "呀", "哈", "啦", "吧",
            "哦", "噢", "喔", "嘛", "哟", "咯");
    /** Words that ask the bot to act on what follows them. */
    private static final List<String> REQUEST_CUES = List.of("帮我", "帮忙", "给我", "替我", "麻烦", "请帮", "请给",
            "请你", "请把", "请转", "我要", "我想要", "我需要", "申请", "赶紧", "赶快", "快点", "马上", "尽快", "立刻", "立即",
            "能不能", "可不可以", "能否", "可以", "让");
    /** Verbs that ask for it when they open a clause (看看我的流量还剩多少), not after 想 (想看下余额 may be a wish). */
    private static final List<String> IMPERATIVES = List.of("查查", "查一下", "查下", "看看", "看一下", "看下");
    /** The cues that ask for what was just said when they follow it (…，帮我查一下; …，赶紧派人来). */
    private static final List<String> FOLLOWING_CUES = List.of("帮我", "帮忙", "给我", "替我", "麻烦", "请帮", "请你",
            "赶紧", "赶快", "快点", "马上", "尽快", "立刻", "立即");
    /** Verbs after which 给我 means "to me" (打给我, 发给我), not "for me". */
    private static final String DATIVE_VERBS = "打发寄转送交还回传退卖借留带拿递";
    /** How far before an intent hit a request cue may stand ("帮我把银行卡挂失", "赶紧派人来"). */
    private static final int CUE_WINDOW = 6;
    /** Question words; not the indefinite uses 好几天, 这几个, 没什么, 不怎么 (a few, nothing much, hardly). */
    private static final Pattern QUESTION = Pattern.compile(
            "(?<![没不])怎|咋|如何|为什么|为啥|(?<!没)什么|啥|谁|多少|多久|多长|多大|哪|(?<![好十这那])几|吗|(?<![什怎那])么|呢"
                    + "|是否|能否|(\\p{IsHan})[不没]\\1");

    private Phrasing() {
    }

    /** 给我 after a verb that gives (什么号码会打给我核实投诉): the customer is told something, asks for nothing. */
    private static boolean dative(String text, int at, String cue) {
        return cue.equals("给我") && at > 0 && DATIVE_VERBS.indexOf(text.charAt(at - 1)) >= 0;
    }

    /** Whether the text asks something: a question word, or a verb asked both ways (欠不欠, 能不能, 有没有). */
    public static boolean asksQuestion(String normalizedText) {
        return QUESTION.matcher(normalizedText).find();
    }

    /**
     * Whether everything outside {@code [start, stop)} is filler: then a template found there is the whole message
     * ("哦 好的 谢谢" is thanks, "转人工吧" a request for a person).
     */
    static boolean onlyFillerAround(String text, int start, int stop) {
        return onlyFiller(text, 0, start, LEADING_FILLER) && onlyFiller(text, stop, text.length(), TRAILING_FILLER);
    }

    private static boolean onlyFiller(String text, int from, int to, List<String> fillers) {
        int at = from;
        while (at < to) {
            if (Character.isWhitespace(text.charAt(at))) {
                at++;
                continue;
            }
            int next = -1;
            for (String filler : fillers) {
                if (text.startsWith(filler, at) && at + filler.length() <= to) {
                    next = at + filler.length();
                    break;
                }
            }
            if (next < 0) return false;
            at = next;
        }
        return true;
    }

    /**
     * Whether the hit at {@code [start, stop)} is asked for: a request cue stands just before it (or opens it) with
     * no question word in between (帮我挂失, 我要投诉, 能不能找个人工; not 我要怎么挂失), an imperative opens the clause
     * it is in (看看我的流量还剩多少; not 怎么查一下话费), or a request follows it closely in a
     * message that asks nothing after the cue (这个月流量用了多少了，帮我查一下; 宽带又坏了，赶紧派人来).
     */
    static boolean demands(String text, int start, int stop) {
        int from = Math.max(0, start - CUE_WINDOW);
        for (String cue : REQUEST_CUES) {
            for (int at = text.indexOf(cue, from); at >= 0 && at + cue.length() <= stop; at = text.indexOf(cue, at + 1)) {
                int cueEnd = at + cue.length();
                if (!dative(text, at, cue) && !asksQuestion(text.substring(cueEnd, Math.max(cueEnd, start)))) return true;
            }
        }
        for (String verb : IMPERATIVES) {
            int at = text.indexOf(verb, from);
            if (at >= 0 && at < stop && (at == 0 || text.charAt(at - 1) == ' ')) return true;
        }
        int until = Math.min(text.length(), stop + CUE_WINDOW);
        for (String cue : FOLLOWING_CUES) {
            int at = text.indexOf(cue, stop);
            if (at >= 0 && at < until && !asksQuestion(text.substring(at + cue.length()))) return true;
        }
        return false;
    }
}
