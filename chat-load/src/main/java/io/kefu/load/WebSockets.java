package io.kefu.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A small WebSocket client for load (RFC 6455 text frames over plain TCP): every socket on one selector thread, no
 * per-frame futures or copies. The load generator shares the machine with the server it measures, so each of its
 * CPU cycles is taken from the server; the JDK's {@code java.net.http.WebSocket} spent about a third as much CPU per
 * message as the server itself.
 */
final class WebSockets implements AutoCloseable {

    /** What one socket hears; called on the selector thread, one socket's events in order. */
    interface Listener {
        void onOpen(LoadSocket socket);

        /** A whole text message, as UTF-8 bytes in {@code frame[from, to)}; valid only during the call. */
        void onText(LoadSocket socket, byte[] frame, int from, int to);

        void onError(LoadSocket socket, Throwable error);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Selector selector;
    private final Queue<LoadSocket> toRegister = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    WebSockets() throws IOException {
        this.selector = Selector.open();
        Thread loop = new Thread(this::run, "websockets");
        loop.setDaemon(true);
        loop.start();
    }

    /** Starts connecting; the listener hears {@code onOpen} after the upgrade, or {@code onError}. */
    LoadSocket connect(URI url, Listener listener) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
        int port = url.getPort() < 0 ? 80 : url.getPort();
        channel.connect(new InetSocketAddress(url.getHost(), port));
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + port + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        var socket = new LoadSocket(channel, listener, RANDOM.nextInt());
        socket.pending.add(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
        toRegister.add(socket);
        selector.wakeup();
        return socket;
    }

    private void run() {
        try {
            while (!closed) {
                selector.select();
                for (LoadSocket socket; (socket = toRegister.poll()) != null; ) {
                    try {
                        socket.key = socket.channel.register(selector, SelectionKey.OP_CONNECT, socket);
                    } catch (IOException e) {
                        socket.fail(e);
                    }
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    LoadSocket socket = (LoadSocket) key.attachment();
                    try {
                        if (!key.isValid()) continue;
                        if (key.isConnectable()) {
                            socket.channel.finishConnect();
                            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                        }
                        if (key.isValid() && key.isWritable()) socket.flush();
                        if (key.isValid() && key.isReadable()) socket.read();
                    } catch (IOException | RuntimeException e) {
                        socket.fail(e);
                    }
                }
            }
        } catch (IOException e) {
            if (!closed) throw new java.io.UncheckedIOException(e);
        } catch (java.nio.channels.ClosedSelectorException e) {
            // close() closed the selector while this thread was still in the loop: the run is over
            if (!closed) throw e;
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        selector.wakeup();
        for (SelectionKey key : selector.keys()) key.channel().close();
        selector.close();
    }
}
