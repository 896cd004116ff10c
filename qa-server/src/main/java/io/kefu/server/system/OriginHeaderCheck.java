package io.kefu.server.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.WebUtils;

import java.util.Map;

/**
 * Refuses a WebSocket handshake whose {@code Origin} header is not an origin at all ({@code http://a:b},
 * {@code %%%}) with 403 and one line in the log. Spring's own origin check, which runs after this one, throws on
 * such a header, and the server answered 500 with a long stack trace: anyone could fill the log that way, on the
 * customer socket without signing in.
 */
public final class OriginHeaderCheck implements HandshakeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(OriginHeaderCheck.class);
    /** How much of a refused header the log shows. */
    private static final int SHOWN = 100;

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        String origin = request.getHeaders().getOrigin();
        if (origin == null) return true;
        try {
            WebUtils.isSameOrigin(request); // reads the header as Spring's origin check does
            return true;
        } catch (IllegalArgumentException malformed) {
            log.warn("refused a WebSocket handshake on {} from {}: malformed Origin header [{}]",
                    request.getURI().getPath(), request.getRemoteAddress(),
                    origin.length() > SHOWN ? origin.substring(0, SHOWN) + "..." : origin);
            response.setStatusCode(HttpStatus.FORBIDDEN);
            return false;
        }
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }
}
