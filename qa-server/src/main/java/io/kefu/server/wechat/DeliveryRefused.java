package io.kefu.server.wechat;

/**
 * WeChat would not take a message for the follower: the message, in Chinese, says why plainly enough for an agent.
 *
 * @see #of(int)
 */
public class DeliveryRefused extends RuntimeException {

    private final int errorCode;

    public DeliveryRefused(int errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    /** WeChat's error code (45015, 45047, ...), or -1 when WeChat could not be reached. */
    public int errorCode() {
        return errorCode;
    }

    /** The refusal for one of WeChat's error codes of the message APIs. */
    public static DeliveryRefused of(int errorCode) {
        return new DeliveryRefused(errorCode, switch (errorCode) {
            case 45015 -> "客户超过48小时未互动，无法发送。请等客户再次发来消息后回复。";
            case 45047 -> "客户回复前最多只能连续发送5条消息，请等客户回复后再发送。";
            case 43004 -> "客户已取消关注公众号，无法发送。";
            case 95001, 95002, 95018 -> "微信客服会话状态不允许发送，请等客户再次发来消息后回复。";
            default -> "消息未能发送到微信（错误码 " + errorCode + "），请稍后重试。";
        });
    }

    /** WeChat could not be reached, after the retries. */
    public static DeliveryRefused unreachable() {
        return new DeliveryRefused(-1, "暂时无法连接微信服务器，消息未送达，请稍后重试。");
    }
}
