package io.kefu.server.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Every setting of the server, under the one prefix {@code kefu}.
 *
 * @param knowledge where the knowledge base comes from
 * @param dataDir   the folder for the embedded database (created when missing)
 * @param database  where conversations are stored; the password comes only from the environment
 * @param chat      the customer chat: greeting, quick buttons and the limits of the WebSocket protocol
 */
@ConfigurationProperties(prefix = "kefu")
public record KefuProperties(Knowledge knowledge, @DefaultValue("./data") String dataDir, Database database,
                             @DefaultValue Chat chat) {

    public KefuProperties {
        knowledge = knowledge == null ? new Knowledge(null) : knowledge;
        database = database == null ? new Database(null, null) : database;
    }

    /**
     * @param directory a knowledge folder on disk (with {@code faq/*.yaml}, dictionary, synonyms, stop words and
     *                  optionally {@code ranker-model.json}); empty means the demo content bundled in the jar
     */
    public record Knowledge(String directory) {
    }

    /**
     * @param url      JDBC URL: an H2 file under {@code data-dir} by default, {@code jdbc:postgresql://...} in production
     * @param username database user
     */
    public record Database(String url, String username) {
    }

    /**
     * @param greeting         the bot's first words in a new conversation
     * @param quickReplies     buttons offered under the input box; each sends its text as a message
     * @param allowedOrigins   pages allowed to open the chat socket ({@code *}: any page may embed the widget)
     * @param maxFrameChars    a larger frame gets a {@code too_large} error (far larger ones close the connection)
     * @param maxMessageLength a longer customer message gets a {@code too_long} error
     * @param framesPerSecond  sustained frames per second one connection may send
     * @param burst            frames one connection may send at once before the rate applies
     * @param idleTimeout      a connection silent for this long (no heartbeat) is closed
     */
    public record Chat(@DefaultValue("您好，我是星河通信和云杉银行的智能客服小河，请问有什么可以帮您？") String greeting,
                       @DefaultValue({"话费余额怎么查", "流量套餐有哪些", "银行卡丢了怎么办", "转人工"}) List<String> quickReplies,
                       @DefaultValue("*") List<String> allowedOrigins,
                       @DefaultValue("4096") int maxFrameChars,
                       @DefaultValue("500") int maxMessageLength,
                       @DefaultValue("5") int framesPerSecond,
                       @DefaultValue("20") int burst,
                       @DefaultValue("120s") Duration idleTimeout) {

        public Chat {
            quickReplies = List.copyOf(quickReplies);
            allowedOrigins = List.copyOf(allowedOrigins);
            if (maxFrameChars < 256) throw new IllegalArgumentException("kefu.chat.max-frame-chars must be at least 256");
            if (maxMessageLength < 1 || maxMessageLength > maxFrameChars / 2) {
                throw new IllegalArgumentException("kefu.chat.max-message-length must be between 1 and max-frame-chars/2");
            }
            if (framesPerSecond < 1 || burst < 1) {
                throw new IllegalArgumentException("kefu.chat.frames-per-second and burst must be positive");
            }
        }
    }
}
