package io.kefu.server.queue;

/** Something an agent asked for that the server refuses; the message, in Chinese, is shown to the agent. */
public class HandoffException extends RuntimeException {

    private final String code;

    public HandoffException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static HandoffException forbidden() {
        return new HandoffException("forbidden", "您没有权限查看或操作这个会话。");
    }

    public static HandoffException notFound() {
        return new HandoffException("not_found", "会话不存在或已结束。");
    }
}
