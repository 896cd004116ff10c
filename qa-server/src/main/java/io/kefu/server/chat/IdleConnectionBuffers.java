package io.kefu.server.chat;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The buffers every open socket holds while it waits, made small: chat sockets stay open for the whole
 * conversation, mostly idle, and 10,000 of them held 68 KB each (a heap histogram with 2,000 idle sockets:
 * {@code chat-load/run.sh}). Tomcat gives each socket a read and a write buffer of 8 KiB, and each WebSocket three
 * more (frames in, frames out, text being encoded); frames here are a few hundred bytes, and a larger one is only
 * read or written in more pieces. What remains per socket is mostly the text message buffer
 * ({@code ChatSocketConfiguration}) and the session's own objects.
 */
@Component
public class IdleConnectionBuffers implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /** Bytes per buffer; HTTP requests and responses larger than this are read and written in pieces. */
    static final int SOCKET_BUFFER = 2048;
    /** Tomcat reads its WebSocket buffer size from this system property once, when its WebSocket classes load. */
    private static final String WEBSOCKET_BUFFER_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    /** Call before the server starts (in {@code main}); a size given with {@code -D} on the command line wins. */
    public static void useSmallWebSocketBuffers() {
        if (System.getProperty(WEBSOCKET_BUFFER_PROPERTY) == null) {
            System.setProperty(WEBSOCKET_BUFFER_PROPERTY, String.valueOf(SOCKET_BUFFER));
        }
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", String.valueOf(SOCKET_BUFFER));
            connector.setProperty("socket.appWriteBufSize", String.valueOf(SOCKET_BUFFER));
        });
    }
}
