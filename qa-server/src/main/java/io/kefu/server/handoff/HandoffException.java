package io.kefu.server.handoff;

/** A console frame the server refuses; the message, in Chinese, is shown to the agent. */
class HandoffException extends RuntimeException {

    private final String code;

    HandoffException(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }

    static HandoffException forbidden() {
        return new HandoffException("forbidden", "您没有权限查看或操作这个会话。");
    }
}
