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
                             @DefaultValue Chat chat, @DefaultValue Handoff handoff, Admin admin,
                             @DefaultValue SignIn signIn, @DefaultValue Cluster cluster) {

    public KefuProperties {
        knowledge = knowledge == null ? new Knowledge(null) : knowledge;
        database = database == null ? new Database(null, null) : database;
        admin = admin == null ? new Admin(null, null) : admin;
    }

    /**
     * When a conversation goes to a person, and how agents get it (docs/agents.md).
     *
     * @param triggers          which events escalate
     * @param maxMisses         consecutive no-answers that escalate
     * @param hours             when agents work, e.g. {@code MON-FRI 09:00-18:00}; several entries add up
     * @param holidays          days without service, ISO dates
     * @param zone              the time zone of {@code hours} and {@code holidays}
     * @param gracePeriod       how long a disconnected agent keeps their conversations
     * @param averageHandleTime one conversation's average handling time, for the customer's estimated wait
     * @param sweepInterval     how often every node looks for work (queue, disconnected agents) and says it is alive
     * @param nodeTimeout       a node silent for this long is taken for dead, and its agents' consoles for closed
     * @param profileKey        the key embedding pages sign visitor profiles with (HMAC-SHA256); empty: no VIPs
     * @param defaultCapacity   concurrent conversations of a new agent
     * @param cannedReplies     replies offered in the agent console
     * @param closeTags         the categories an agent closes a conversation with
     * @param leaveMessageForm  the form (by intent) the bot starts to take a message when no agent can take over
     */
    public record Handoff(@DefaultValue Triggers triggers,
                          @DefaultValue("2") int maxMisses,
                          @DefaultValue("MON-SUN 08:00-22:00") List<String> hours,
                          @DefaultValue List<String> holidays,
                          @DefaultValue("Asia/Shanghai") String zone,
                          @DefaultValue("60s") Duration gracePeriod,
                          @DefaultValue("3m") Duration averageHandleTime,
                          @DefaultValue("1s") Duration sweepInterval,
                          @DefaultValue("15s") Duration nodeTimeout,
                          @DefaultValue("") String profileKey,
                          @DefaultValue("5") int defaultCapacity,
                          @DefaultValue({"您好，我是人工客服，很高兴为您服务。", "请稍等，我帮您查询一下。",
                                  "请问还有其他可以帮您的吗？", "感谢您的耐心等待。"}) List<String> cannedReplies,
                          @DefaultValue({"咨询", "办理", "投诉", "故障", "其他"}) List<String> closeTags,
                          @DefaultValue("leave_message") String leaveMessageForm) {

        public Handoff {
            hours = List.copyOf(hours);
            holidays = List.copyOf(holidays);
            cannedReplies = List.copyOf(cannedReplies);
            closeTags = List.copyOf(closeTags);
            if (maxMisses < 1) throw new IllegalArgumentException("kefu.handoff.max-misses must be at least 1");
            if (defaultCapacity < 1) throw new IllegalArgumentException("kefu.handoff.default-capacity must be positive");
            if (nodeTimeout.compareTo(sweepInterval.multipliedBy(3)) < 0) {
                throw new IllegalArgumentException("kefu.handoff.node-timeout must be at least three sweep intervals");
            }
        }
    }

    /** Each escalation trigger, on by default. */
    public record Triggers(@DefaultValue("true") boolean request, @DefaultValue("true") boolean misses,
                           @DefaultValue("true") boolean complaint, @DefaultValue("true") boolean formFailed) {
    }

    /**
     * Nodes sharing one PostgreSQL database tell each other what happened on this PostgreSQL notification channel;
     * deployments sharing a database server but not a database need different channels.
     */
    public record Cluster(@DefaultValue("kefu_events") String channel) {
    }

    /**
     * The first administrator, created at start when both are set and no administrator exists (from
     * {@code KEFU_ADMIN_USERNAME} and {@code KEFU_ADMIN_PASSWORD}; never a committed default).
     */
    public record Admin(String username, String password) {
    }

    /**
     * Sign-in throttling: after {@code maxFailures} failures for one user name, or {@code maxFailuresPerAddress} from
     * one address (higher: an office shares one address), within {@code window}, that name or address may not try
     * again until the window has passed.
     */
    public record SignIn(@DefaultValue("5") int maxFailures, @DefaultValue("20") int maxFailuresPerAddress,
                         @DefaultValue("10m") Duration window) {
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
