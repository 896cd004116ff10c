package io.kefu.server.cluster;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/**
 * The bus over PostgreSQL's LISTEN/NOTIFY: every node listens on one channel with a connection of its own and
 * publishes with {@code pg_notify}. No extra server and no networking of our own: the nodes already share the
 * database. A node that loses its listening connection reconnects; what it missed meanwhile is still in the
 * database, and its periodic sweep catches up the queue.
 */
final class PostgresBus implements ClusterBus, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresBus.class);
    private static final int POLL_MILLIS = 500;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final String channel;
    private final String node;
    private final java.util.List<Consumer<ClusterEvent>> receivers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ApplicationEventPublisher events;
    private volatile boolean running;
    private Thread listener;

    PostgresBus(DataSource dataSource, JsonMapper json, String channel, NodeId node, ApplicationEventPublisher events) {
        if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) throw new IllegalArgumentException("bad channel name " + channel);
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.json = json;
        this.channel = channel;
        this.node = node.value();
        this.events = events;
    }

    @Override
    public void publish(ClusterEvent event) {
        try {
            jdbc.sql("select pg_notify(?, ?)").params(channel, json.writeValueAsString(new Notification(node, event)))
                    .query((rs, row) -> 1).list();
        } catch (RuntimeException e) {
            // the event is a shortcut: the other nodes' sweeps still find the change in the database
            log.warn("could not tell the other nodes about {}: {}", event, e.toString());
        }
    }

    @Override
    public void onEvent(Consumer<ClusterEvent> receiver) {
        receivers.add(receiver);
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "kefu-cluster-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) listener.interrupt();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean lost = false;
        while (running) {
            try (Connection connection = listeningConnection()) {
                try (Statement sql = connection.createStatement()) {
                    sql.execute("listen " + channel);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                log.info("listening for other nodes on PostgreSQL channel {}", channel);
                if (lost) {
                    // what the others announced while nobody here listened is in the database: catch up from it
                    lost = false;
                    catchUp();
                }
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications == null) continue;
                    for (PGNotification notification : notifications) deliver(notification.getParameter());
                }
            } catch (SQLException e) {
                if (!running) return;
                lost = true;
                log.warn("lost the cluster channel; reconnecting in 1 s: {}", e.toString());
                sleep();
            }
        }
    }

    /**
     * A connection of the listener's own, outside the pool: it is held for as long as the node runs, and the pool is
     * sized for the chat's short transactions.
     */
    private Connection listeningConnection() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
        return dataSource.getConnection();
    }

    private void catchUp() {
        try {
            events.publishEvent(new BusResubscribed());
        } catch (RuntimeException e) {
            log.warn("catching up after the cluster channel came back failed", e);
        }
    }

    private void deliver(String payload) {
        try {
            Notification notification = json.readValue(payload, Notification.class);
            if (!node.equals(notification.node())) receivers.forEach(receiver -> receiver.accept(notification.event()));
        } catch (JacksonException e) {
            log.warn("ignored an unreadable cluster event: {}", e.getOriginalMessage());
        } catch (RuntimeException e) {
            log.warn("a cluster event failed: {}", payload, e);
        }
    }

    /** What goes over the channel: the event and the node it happened on (a node ignores its own). */
    record Notification(String node, ClusterEvent event) {
    }

    private void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
