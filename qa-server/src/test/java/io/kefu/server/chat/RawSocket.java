package io.kefu.server.chat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket written by hand, for what well-behaved clients cannot send (a text frame that is not UTF-8), and for
 * reading the server's close frame after the server has cut off a frame we were still writing. The JDK's client
 * reports that cut as an error and drops the close frame it had already received; the kernel keeps it for us.
 */
final class RawSocket implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawSocket(int port) throws IOException {
        socket = new Socket("localhost", port);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        out.write(("GET /ws/chat HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) head.append((char) in.readUnsignedByte());
        if (!head.toString().startsWith("HTTP/1.1 101")) throw new IOException("no upgrade: " + head);
    }

    /** Sends one masked text frame (opcode 1) with these exact bytes. */
    void sendText(byte[] payload) throws IOException {
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        byte[] frame = new byte[14 + payload.length];
        int at = 0;
        frame[at++] = (byte) 0x81;
        if (payload.length < 126) {
            frame[at++] = (byte) (0x80 | payload.length);
        } else if (payload.length <= 0xffff) {
            frame[at++] = (byte) (0x80 | 126);
            frame[at++] = (byte) (payload.length >>> 8);
            frame[at++] = (byte) payload.length;
        } else {
            frame[at++] = (byte) (0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) frame[at++] = (byte) ((long) payload.length >>> shift);
        }
        System.arraycopy(mask, 0, frame, at, 4);
        at += 4;
        for (int i = 0; i < payload.length; i++) frame[at++] = (byte) (payload[i] ^ mask[i % 4]);
        out.write(frame, 0, at);
        out.flush();
    }

    /**
     * {@link #sendText} for a frame the server is expected to refuse part-way: once it has closed the connection,
     * the rest of our write fails, which is the point, not an error. False when the write failed.
     */
    boolean sendTextUntilRefused(byte[] payload) {
        try {
            sendText(payload);
            return true;
        } catch (IOException refused) {
            // the server closed the connection while we wrote; its close frame is still ours to read
            return false;
        }
    }

    /** Reads frames until a close frame; returns its status code. */
    int awaitCloseCode() throws IOException {
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0f;
            long length = in.readUnsignedByte() & 0x7f;
            if (length == 126) length = in.readUnsignedShort();
            else if (length == 127) length = in.readLong();
            byte[] payload = in.readNBytes((int) length);
            if (opcode == 0x8) return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
