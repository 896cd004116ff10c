package io.kefu.server.conversation;

import io.kefu.qa.dialog.DialogueState;
import io.kefu.qa.dialog.Dialogue;
import com.zaxxer.hikari.HikariConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.zaxxer.hikari.HikariDataSource;
import io.kefu.server.store.StoreWrites;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Customer messages through the real path of {@link ConversationService#receive} (numbered and stored, the bot's
 * dialogue, the replies stored), so that the JIT has compiled that path before the server takes traffic. Everything
 * is stored in a throwaway in-memory database of the same schema, nothing reaches customers, agents or the queue,
 * and a question that would carry out a form (a ticket, a webhook) is left out.
 */
@Component
public class ConversationWarmup {

    private final BotResponder bot;
    private final Dialogue dialogue;
    private final JsonMapper json;
    private final Map<String, Boolean> harmless = new ConcurrentHashMap<>();

    ConversationWarmup(BotResponder bot, Dialogue dialogue, JsonMapper json) {
        this.bot = bot;
        this.dialogue = dialogue;
        this.json = json;
    }

    /** Whether a question, as a conversation's first message, does nothing outside it (no form completed at once). */
    private boolean harmless(String question) {
        return harmless.computeIfAbsent(question,
                q -> dialogue.respond(DialogueState.start(), q, null).effects().isEmpty());
    }

    /** A warm-up run with a database of its own; one per thread. */
    public Run start() {
        var config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:warmup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setPoolName("warmup");
        // Flyway holds one connection while it migrates over another
        config.setMaximumPoolSize(2);
        var dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        var jdbc = JdbcClient.create(dataSource);
        var store = new ConversationStore(jdbc, json);
        var transactions = new JdbcTransactionManager(dataSource);
        var log = new MessageLog(store, new MessageStore(jdbc, json), transactions);
        var service = new ConversationService(store, log, bot, nobody(CustomerChannel.class),
                nobody(ConversationFeed.class), nobody(Handoffs.class),
                new ConversationMeters(new SimpleMeterRegistry()), // the warm-up's turns are not the service's
                transactions, event -> { }, StoreWrites.AT_COMMIT);
        return new Run(service, jdbc, dataSource, this::harmless);
    }

    /** A warm-up's own database and service; {@link #close} drops the database. */
    public static final class Run implements AutoCloseable {
        private final ConversationService service;
        private final JdbcClient jdbc;
        private final HikariDataSource dataSource;
        private final Predicate<String> harmless;

        private Run(ConversationService service, JdbcClient jdbc, HikariDataSource dataSource,
                    Predicate<String> harmless) {
            this.service = service;
            this.jdbc = jdbc;
            this.dataSource = dataSource;
            this.harmless = harmless;
        }

        /**
         * Sends {@code questions} round and round, each as the first message of a new conversation (closed after
         * the bot's reply), until {@code stop} says so; a question that would complete a form is left out.
         *
         * @return how many messages were answered
         */
        public long answer(List<String> questions, BooleanSupplier stop) {
            long answered = 0;
            int skippedInARow = 0;
            for (int i = 0; skippedInARow < questions.size(); i = (i + 1) % questions.size()) {
                if (!harmless.test(questions.get(i))) {
                    skippedInARow++;
                    continue;
                }
                skippedInARow = 0;
                if (stop.getAsBoolean()) break;
                var session = service.start("warmup", null, null, false);
                String conversation = session.conversation().id();
                service.receive(new InboundMessage(conversation, questions.get(i), "w" + answered, null),
                        (message, duplicate, answering) -> { });
                service.close(conversation);
                answered++;
            }
            return answered;
        }

        @Override
        public void close() {
            jdbc.sql("shutdown").update();
            dataSource.close();
        }
    }

    /**
     * An outside party (customers, agents, the queue) that hears nothing: every method does nothing and answers
     * false, 0 or null. A proxy rather than a class, so that a method added to the interface needs nothing here.
     */
    private static <T> T nobody(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            Class<?> returns = method.getReturnType();
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "nobody(" + type.getSimpleName() + ")";
                };
            }
            if (returns == boolean.class) return false;
            if (returns == int.class) return 0;
            if (returns == long.class) return 0L;
            return null;
        }));
    }
}
