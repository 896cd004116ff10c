package io.kefu.server.queue;

/** How urgently a waiting conversation is served; stored as its {@link #value()}, higher first. */
public enum Priority {
    NORMAL(0),
    /** Complaints and VIP customers. */
    FIRST(2),
    /** Handed back by a disconnected agent or transferred: they were being served, so they go first. */
    RESUMED(3);

    private final int value;

    Priority(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
