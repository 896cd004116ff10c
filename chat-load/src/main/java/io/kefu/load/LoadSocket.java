package io.kefu.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;

/** One WebSocket connection of {@link WebSockets}: its frames in and out, on the selector thread. */
final class LoadSocket {

    private static final int MAX_MESSAGE = 1 << 20;

    final SocketChannel channel;
    private final WebSockets.Listener listener;
    final Queue<ByteBuffer> pending = new ArrayDeque<>();
    private final byte[] mask = new byte[4];
    volatile SelectionKey key;
    private ByteBuffer in = ByteBuffer.allocate(16 * 1024);
    private boolean upgraded;
    private byte[] message = new byte[4096];
    private int messageLength;
    private volatile boolean open = true;

    LoadSocket(SocketChannel channel, WebSockets.Listener listener, int maskKey) {
        this.channel = channel;
        this.listener = listener;
        mask[0] = (byte) (maskKey >>> 24);
        mask[1] = (byte) (maskKey >>> 16);
        mask[2] = (byte) (maskKey >>> 8);
        mask[3] = (byte) maskKey;
    }

    boolean isOpen() {
        return open;
    }

    /** Sends a text message as one masked frame; never blocks (what the socket does not take waits here). */
    void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        int header = payload.length < 126 ? 2 : payload.length < 65536 ? 4 : 10;
        byte[] frame = new byte[header + 4 + payload.length];
        frame[0] = (byte) 0x81;
        if (header == 2) {
            frame[1] = (byte) (0x80 | payload.length);
        } else if (header == 4) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (payload.length >>> 8);
            frame[3] = (byte) payload.length;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) frame[2 + i] = (byte) ((long) payload.length >>> (56 - 8 * i));
        }
        System.arraycopy(mask, 0, frame, header, 4);
        for (int i = 0; i < payload.length; i++) frame[header + 4 + i] = (byte) (payload[i] ^ mask[i & 3]);
        write(ByteBuffer.wrap(frame));
    }

    private void write(ByteBuffer frame) throws IOException {
        if (!open) throw new IOException("socket closed");
        boolean wantWrite;
        synchronized (this) {
            if (pending.isEmpty() && upgraded) channel.write(frame);
            if (!frame.hasRemaining()) return;
            pending.add(frame);
            wantWrite = upgraded;
        }
        if (wantWrite && key != null) {
            key.interestOpsOr(SelectionKey.OP_WRITE);
            key.selector().wakeup();
        }
    }

    void flush() throws IOException {
        synchronized (this) {
            while (!pending.isEmpty()) {
                ByteBuffer next = pending.peek();
                channel.write(next);
                if (next.hasRemaining()) return;
                pending.poll();
                if (!upgraded) break; // the upgrade request: nothing else goes before the answer
            }
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    void read() throws IOException {
        if (!in.hasRemaining()) in = grow(in);
        int n = channel.read(in);
        if (n < 0) {
            fail(new IOException("closed by the server"));
            return;
        }
        in.flip();
        if (!upgraded && !upgrade()) {
            in.compact();
            return;
        }
        while (frame()) {
            // one frame handled
        }
        in.compact();
    }

    /** Reads the server's answer to the upgrade request, if it is all there. */
    private boolean upgrade() throws IOException {
        byte[] bytes = in.array();
        int end = -1;
        for (int i = in.position(); i + 3 < in.limit(); i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                end = i + 4;
                break;
            }
        }
        if (end < 0) return false;
        String status = new String(bytes, in.position(), Math.min(12, end - in.position()), StandardCharsets.US_ASCII);
        if (!status.startsWith("HTTP/1.1 101")) throw new IOException("upgrade refused: " + status);
        in.position(end);
        synchronized (this) {
            upgraded = true;
        }
        listener.onOpen(this);
        return true;
    }

    /** Handles one whole frame at the buffer's position; false when it is not all there yet. */
    private boolean frame() throws IOException {
        int start = in.position();
        int available = in.remaining();
        if (available < 2) return false;
        byte[] bytes = in.array();
        int b0 = bytes[start] & 0xff;
        int b1 = bytes[start + 1] & 0xff;
        long length = b1 & 0x7f;
        int header = 2;
        if (length == 126) {
            if (available < 4) return false;
            length = ((bytes[start + 2] & 0xff) << 8) | (bytes[start + 3] & 0xff);
            header = 4;
        } else if (length == 127) {
            if (available < 10) return false;
            length = 0;
            for (int i = 0; i < 8; i++) length = (length << 8) | (bytes[start + 2 + i] & 0xff);
            header = 10;
        }
        if ((b1 & 0x80) != 0) throw new IOException("masked frame from the server");
        if (length > MAX_MESSAGE) throw new IOException("frame of " + length + " bytes");
        if (available < header + length) return false; // read() grows the buffer until the frame fits
        int from = start + header;
        int to = from + (int) length;
        int opcode = b0 & 0x0f;
        boolean fin = (b0 & 0x80) != 0;
        in.position(to);
        switch (opcode) {
            case 0x1, 0x0 -> {
                if (fin && opcode == 0x1) {
                    listener.onText(this, bytes, from, to);
                } else {
                    append(bytes, from, to);
                    if (fin) {
                        listener.onText(this, message, 0, messageLength);
                        messageLength = 0;
                    }
                }
            }
            case 0x8 -> fail(new IOException("closed by the server"));
            case 0x9 -> pong(bytes, from, to);
            default -> {
                // binary or pong: not part of the chat protocol
            }
        }
        return open;
    }

    private void append(byte[] bytes, int from, int to) {
        int n = to - from;
        if (messageLength + n > message.length) {
            message = java.util.Arrays.copyOf(message, Math.max(message.length * 2, messageLength + n));
        }
        System.arraycopy(bytes, from, message, messageLength, n);
        messageLength += n;
    }

    private void pong(byte[] bytes, int from, int to) throws IOException {
        int n = to - from;
        byte[] frame = new byte[6 + n];
        frame[0] = (byte) 0x8a;
        frame[1] = (byte) (0x80 | n);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < n; i++) frame[6 + i] = (byte) (bytes[from + i] ^ mask[i & 3]);
        write(ByteBuffer.wrap(frame));
    }

    /** A buffer in write mode, twice as large, holding what this one holds. */
    private static ByteBuffer grow(ByteBuffer buffer) {
        ByteBuffer bigger = ByteBuffer.allocate(buffer.capacity() * 2);
        buffer.flip();
        bigger.put(buffer);
        return bigger;
    }

    void fail(Throwable error) {
        if (!open) return;
        open = false;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        listener.onError(this, error);
    }

    /** Drops the connection at once, without a closing handshake. */
    void abort() {
        open = false;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
