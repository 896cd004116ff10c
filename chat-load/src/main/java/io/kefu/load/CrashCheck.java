package io.kefu.load;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What a crash of the server keeps (docs/benchmarks.md, "Durability"; {@code chat-load/crash.sh} drives it):
 * <pre>
 * java -jar chat-load.jar send  --url ws://127.0.0.1:PORT/ws/chat --messages 10 --gap 100
 * java -jar chat-load.jar count --url ws://127.0.0.1:PORT/ws/chat --conversation ID --token TOKEN
 * </pre>
 * {@code send}: a new conversation, whose id and token it prints first; then messages one at a time, each after the
 * {@code ack} of the one before and a gap of that many milliseconds; prints {@code ACKED n} the moment the last
 * {@code ack} arrives. {@code count}: resumes the conversation from its start and prints {@code STORED n}, how many
 * customer messages the server replays (0 when it no longer has the conversation at all).
 */
final class CrashCheck implements WebSockets.Listener {

    private static final long WAIT_SECONDS = 30;

    private final String hello;
    private final BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
    private final WebSockets sockets = new WebSockets();
    private final LoadSocket socket;

    private CrashCheck(URI url, String hello) throws IOException {
        this.hello = hello;
        this.socket = sockets.connect(url, this);
    }

    static void send(URI url, int messages, long gapMillis) throws Exception {
        var check = new CrashCheck(url, "{\"type\":\"hello\",\"v\":1}");
        byte[] welcome = check.next("welcome");
        System.out.printf("CONVERSATION %s TOKEN %s%n", Frames.string(welcome, 0, welcome.length, Frames.CONVERSATION),
                Frames.string(welcome, 0, welcome.length, Frames.TOKEN));
        for (int i = 0; i < messages; i++) {
            if (i > 0) Thread.sleep(gapMillis);
            check.socket.sendText("{\"type\":\"message\",\"id\":\"m" + i + "\",\"text\":\"话费怎么查 " + i + "\"}");
            check.nextAck(i);
        }
        System.out.println("ACKED " + messages);
        System.out.flush();
        check.sockets.close();
    }

    static void count(URI url, String conversation, String token) throws Exception {
        var check = new CrashCheck(url, "{\"type\":\"hello\",\"v\":1,\"conversation\":\"" + conversation
                + "\",\"token\":\"" + token + "\",\"lastSeq\":0}");
        byte[] welcome = check.next("welcome");
        if (!conversation.equals(Frames.string(welcome, 0, welcome.length, Frames.CONVERSATION))) {
            System.out.println("STORED 0 (the conversation itself is gone: the server started a new one)");
            check.sockets.close();
            return;
        }
        int stored = 0;
        byte[] frame;
        while ((frame = check.frames.poll(2, TimeUnit.SECONDS)) != null) { // the replay, until it stops
            boolean customer = Frames.type(frame, 0, frame.length).equals("message")
                    && Frames.string(frame, 0, frame.length, Frames.FROM).equals("customer");
            if (customer) stored++;
        }
        System.out.println("STORED " + stored);
        check.sockets.close();
    }

    private void nextAck(long number) throws InterruptedException {
        while (true) {
            byte[] ack = next("ack");
            if (Frames.clientNumber(ack, 0, ack.length) == number) return;
        }
    }

    /** The next frame of this type; frames of other types before it are dropped. */
    private byte[] next(String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            byte[] frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (frame == null) throw new IllegalStateException("no " + type + " frame within " + WAIT_SECONDS + " s");
            if (Frames.type(frame, 0, frame.length).equals(type)) return frame;
        }
    }

    @Override
    public void onOpen(LoadSocket opened) {
        try {
            opened.sendText(hello);
        } catch (IOException e) {
            onError(opened, e);
        }
    }

    @Override
    public void onText(LoadSocket from, byte[] frame, int start, int end) {
        frames.add(Arrays.copyOfRange(frame, start, end));
    }

    @Override
    public void onError(LoadSocket failed, Throwable error) {
        error.printStackTrace();
        System.exit(1);
    }
}
