package io.kefu.server.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the frames of both sockets (customers' and agents') as JSON text frames. A frame must be encodable as
 * UTF-8: Tomcat fails mid-send on one that is not and leaves the socket unable to send anything again. Text is
 * cleaned before it is stored ({@link SafeText#clean}), so only a message stored before that can hold an unpaired
 * surrogate; it is sent with U+FFFD in its place, and said once in the log.
 */
@Component
public class FrameWriter {

    private static final Logger log = LoggerFactory.getLogger(FrameWriter.class);

    private final JsonMapper json;

    FrameWriter(JsonMapper json) {
        this.json = json;
    }

    public TextMessage write(Object frame) {
        String text = json.writeValueAsString(frame);
        String encodable = SafeText.encodable(text);
        if (encodable != text) {
            log.warn("a {} frame held unpaired surrogates (text stored before texts were cleaned); "
                    + "sent with U+FFFD in their place", frame.getClass().getSimpleName());
        }
        return new TextMessage(encodable);
    }
}
