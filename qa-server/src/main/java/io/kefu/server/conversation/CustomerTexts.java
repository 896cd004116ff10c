package io.kefu.server.conversation;

import io.kefu.qa.dialog.BotMessage;

import java.time.Duration;
import java.util.List;

/**
 * Every text the server itself sends customers, whatever the channel: the notices of the hand-off and the queue,
 * the closing notice, and the errors of the chat protocol. What the bot says is content of the dialogue instead.
 */
public final class CustomerTexts {

    /** What the bot says, instead of its own reply, to a customer waiting for an agent when it has no clear answer. */
    static final BotMessage WAITING_NOTICE = notice(BotMessage.Kind.QUEUED,
            "您的消息已收到，人工客服接入后会第一时间查看。排队期间，您也可以继续向我提问。");
    /** What the bot says instead of "正在为您转接" when the deployment switched that hand-off trigger off. */
    static final BotMessage NOT_OFFERED = notice(BotMessage.Kind.NONE,
            "抱歉，当前暂不支持转接人工客服。您可以换个说法再问我，我会尽力为您解答。");

    static final String CLOSED = "本次会话已结束，感谢您的咨询！欢迎为本次服务打分。";
    static final String CLOSED_ALREADY = "本次会话已经结束。";
    static final String CLOSED_START_ANEW = "本次会话已结束，如需继续咨询，请开始新的会话。";
    static final String RATE_AFTER_CLOSING = "请在会话结束后再进行评价。";

    public static final String TRANSFERRED = "正在为您转接至其他客服，请稍候。";
    public static final String HANDED_BACK = "人工客服已结束接待，接下来由智能客服继续为您服务。如需人工帮助，请随时回复“转人工”。";
    public static final String REQUEUED = "人工客服的连接中断了，正在为您重新转接其他客服，请稍候。";
    public static final String NOBODY_ONLINE = "当前暂无人工客服在线。";
    /** Service hours as the customer reads them: 每天 08:00–22:00, 周一至周五 09:00–18:00. */
    public static final String EVERY_DAY = "每天";
    public static final String NO_SERVICE_HOURS = "暂无人工服务时间";
    private static final List<String> WEEKDAYS = List.of("周一", "周二", "周三", "周四", "周五", "周六", "周日");

    public static final String BAD_JSON = "消息格式不正确，请发送 JSON 对象。";
    public static final String MISSING_TEXT = "消息格式不正确：缺少 text。";
    public static final String EMPTY_MESSAGE = "消息不能为空，请输入您想咨询的内容。";
    public static final String UNSUPPORTED_VERSION = "不支持的协议版本，请刷新页面后重试。";
    public static final String BAD_STARS = "评价请选择 1 到 5 颗星。";
    public static final String RATE_LIMITED = "发送太频繁了，请稍后再试。";
    public static final String INTERNAL = "系统繁忙，请稍后再试。";
    /** The database is out of reach for a moment: the widget sends the message again by itself. */
    public static final String UNAVAILABLE = "网络有点忙，消息还没发出，正在自动重发…";
    /** The message was stored, but the answer could not be: the customer may ask again. */
    public static final String REPLY_UNAVAILABLE = "消息已收到，但暂时无法回复，请稍后再问一次。";
    public static final String BINARY = "不支持二进制消息，请发送 JSON 文本。";
    public static final String ALREADY_STARTED = "会话已建立，无需重复发送 hello。";
    public static final String HELLO_FIRST = "请先发送 hello 建立会话。";

    private CustomerTexts() {
    }

    public static String outsideHours(String hours) {
        return "当前为非人工服务时间（服务时间：" + hours + "）。";
    }

    /** Said before the bot takes a message, after why no agent can take the conversation ({@code why}). */
    public static String leaveMessage(String why) {
        return why + "您可以留下联系方式和问题，我们会尽快与您联系。";
    }

    /** The customer's place in the queue (1: next) and estimated wait, when they join it. */
    public static String queued(int position, long waitSeconds) {
        String place = position == 1 ? "您是下一位" : "您前面还有 " + (position - 1) + " 位";
        long minutes = Math.max(1, Duration.ofSeconds(waitSeconds).toMinutes() + (waitSeconds % 60 == 0 ? 0 : 1));
        return "已为您接入人工客服排队，" + place + "，预计等待约 " + minutes + " 分钟。排队期间我会继续回答您的问题。";
    }

    /** Days {@code from..to} of the week (0: Monday), as in 周一至周五. */
    public static String weekdays(int from, int to) {
        return from == to ? WEEKDAYS.get(from) : WEEKDAYS.get(from) + "至" + WEEKDAYS.get(to);
    }

    public static String agentJoined(String displayName) {
        return "人工客服 " + displayName + " 已接入，将为您服务。";
    }

    public static String tooLarge(int maxFrameChars) {
        return "消息太大了，单条消息请控制在 " + maxFrameChars + " 个字符以内。";
    }

    public static String tooLong(int maxLength) {
        return "消息太长了，请控制在 " + maxLength + " 个字以内。";
    }

    public static String unknownType(String type) {
        return "不支持的消息类型：" + type + "。";
    }

    public static String badField(String field) {
        return "消息格式不正确：字段 " + field + " 缺失或无效。";
    }

    public static String badId(int maxLength) {
        return "消息格式不正确：id 须为 1 到 " + maxLength + " 个字符的字符串。";
    }

    public static String commentTooLong(int maxLength) {
        return "评价留言请控制在 " + maxLength + " 个字以内。";
    }

    private static BotMessage notice(BotMessage.Kind kind, String text) {
        return new BotMessage(kind, text, null, List.of(), List.of());
    }
}
