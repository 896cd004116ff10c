package io.kefu.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The durability micro-benchmark of docs/benchmarks.md ("Durability"): the statements of one chat message (the
 * customer's message numbered and stored in one transaction, the bot's reply and the dialogue state in a second,
 * then, with a group commit, one wait for the write of both, as {@code ConversationService.receive} does)
 * at a fixed rate, against each way of storing, in one process, one candidate after the other. Prints the process's
 * CPU time per message (everything but the bot), the latency from a message's due time to its second commit
 * returning (queueing in the request threads included) and the file's size. Run by {@code chat-load/store-bench.sh}.
 * <pre>
 * candidates: h2-timer (WRITE_DELAY=100, not durable: the baseline), h2-every-commit (WRITE_DELAY=0),
 *             h2-group-N (group commit, writes at least N ms apart), sqlite-wal (WAL, synchronous=NORMAL)
 * </pre>
 */
public final class StoreBenchmark {

    private record Options(List<String> candidates, int rate, int seconds, int warmup, int threads, int conversations) {
    }

    public static void main(String[] args) throws Exception {
        var options = new Options(List.of(option(args, "candidates",
                "h2-timer,h2-every-commit,h2-group-0,h2-group-2,h2-group-5,sqlite-wal").split(",")),
                Integer.parseInt(option(args, "rate", "1000")), Integer.parseInt(option(args, "seconds", "20")),
                Integer.parseInt(option(args, "warmup", "10")), Integer.parseInt(option(args, "threads", "32")),
                Integer.parseInt(option(args, "conversations", "1000")));
        System.out.printf("%d messages/s, %d s warm-up, %d s measured, %d request threads, %d conversations%n",
                options.rate, options.warmup, options.seconds, options.threads, options.conversations);
        System.out.println("| candidate | messages | CPU per message | p50 | p99 | max | file after |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (String candidate : options.candidates) {
            System.out.println(run(candidate.trim(), options));
            System.out.flush();
            System.gc();
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals("--" + name)) return args[i + 1];
        return fallback;
    }

    /** One candidate's store: a pool like the server's, and what a commit must wait for. */
    private record Store(HikariDataSource pool, GroupCommit group, AutoCloseable writes, boolean sqlite, Path dir)
            implements AutoCloseable {

        void committed() {
            if (group != null) group.awaitWritten();
        }

        @Override
        public void close() throws Exception {
            if (group != null) group.close();
            if (writes != null) writes.close();
            pool.close();
        }
    }

    private static Store open(String candidate, Path dir) throws SQLException {
        String h2 = "jdbc:h2:file:" + dir.resolve("kefu") + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;CACHE_SIZE=8192";
        if (candidate.equals("sqlite-wal")) {
            return new Store(pool("jdbc:sqlite:" + dir.resolve("kefu.db") + "?journal_mode=WAL&synchronous=NORMAL"
                    + "&busy_timeout=10000", 1), null, null, true, dir);
        }
        if (candidate.equals("h2-timer")) return new Store(pool(h2 + ";WRITE_DELAY=100", 4), null, null, false, dir);
        if (candidate.equals("h2-every-commit")) return new Store(pool(h2 + ";WRITE_DELAY=0", 4), null, null, false, dir);
        if (candidate.startsWith("h2-group-")) {
            var pool = pool(h2, 4);
            var writes = EmbeddedH2Writes.open(h2, "sa", "").orElseThrow();
            var group = new GroupCommit(writes, Duration.ofMillis(Long.parseLong(candidate.substring(9))));
            return new Store(pool, group, writes, false, dir);
        }
        throw new IllegalArgumentException("unknown candidate " + candidate);
    }

    private static HikariDataSource pool(String url, int size) {
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        if (url.startsWith("jdbc:h2")) config.setUsername("sa");
        config.setMaximumPoolSize(size);
        config.setAutoCommit(false);
        return new HikariDataSource(config);
    }

    private static String run(String candidate, Options options) throws Exception {
        Path dir = Files.createTempDirectory("store-bench");
        try (Store store = open(candidate, dir)) {
            createTables(store, options.conversations);
            ExecutorService requests = Executors.newFixedThreadPool(options.threads);
            var messages = new AtomicInteger();
            var failures = new AtomicInteger();
            long[] latencies = new long[options.rate * options.seconds];
            var measuredCount = new AtomicInteger();
            long start = System.nanoTime();
            long measureFrom = start + TimeUnit.SECONDS.toNanos(options.warmup);
            long end = measureFrom + TimeUnit.SECONDS.toNanos(options.seconds);
            long period = TimeUnit.SECONDS.toNanos(1) / options.rate;
            var cpuAtStart = new AtomicLong(-1);
            long due = start;
            for (int n = 0; due < end; n++, due += period) {
                long wait = due - System.nanoTime();
                if (wait > 0) LockSupport.parkNanos(wait);
                if (due >= measureFrom && cpuAtStart.get() < 0) cpuAtStart.set(processCpuNanos());
                long scheduled = due;
                boolean measured = due >= measureFrom;
                int number = n;
                requests.execute(() -> {
                    try {
                        message(store, number % options.conversations, number);
                        long took = System.nanoTime() - scheduled;
                        if (measured) {
                            int slot = measuredCount.getAndIncrement();
                            if (slot < latencies.length) latencies[slot] = took;
                        }
                        messages.incrementAndGet();
                    } catch (Exception e) {
                        if (failures.getAndIncrement() == 0) e.printStackTrace();
                    }
                });
            }
            requests.shutdown();
            requests.awaitTermination(5, TimeUnit.MINUTES);
            long cpu = processCpuNanos() - cpuAtStart.get();
            int measured = Math.min(measuredCount.get(), latencies.length);
            long[] sorted = Arrays.copyOf(latencies, measured);
            Arrays.sort(sorted);
            long size = fileSize(dir);
            return String.format("| %s | %d%s | %.3f ms | %s | %s | %s | %.1f MB |%s", candidate, measured,
                    failures.get() > 0 ? " (" + failures.get() + " failed)" : "", cpu / 1e6 / measured,
                    millis(sorted, 0.50), millis(sorted, 0.99), millis(sorted, 1.0), size / 1e6,
                    store.group == null ? "" : " " + store.group.statistics());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long fileSize(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String millis(long[] sorted, double quantile) {
        if (sorted.length == 0) return "-";
        return String.format("%.1f ms", sorted[(int) Math.min(sorted.length - 1, quantile * sorted.length)] / 1e6);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void createTables(Store store, int conversations) throws SQLException {
        try (Connection c = store.pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table conversations (id varchar(36) primary key, status varchar(16) not null, "
                    + "last_seq bigint not null, dialogue_state varchar(8000), created_at timestamp not null)");
            s.execute("create table messages (conversation_id varchar(36) not null references conversations (id), "
                    + "seq bigint not null, sender varchar(16) not null, kind varchar(16) not null, "
                    + "client_id varchar(64), reply_to bigint, body varchar(20000) not null, extra varchar(20000), "
                    + "created_at timestamp not null, primary key (conversation_id, seq), "
                    + "constraint messages_client_id_once unique (conversation_id, client_id, sender))");
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into conversations (id, status, last_seq, created_at) values (?, 'open', 0, ?)")) {
                for (int i = 0; i < conversations; i++) {
                    insert.setString(1, conversationId(i));
                    insert.setTimestamp(2, new Timestamp(System.currentTimeMillis()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
        }
        store.committed();
    }

    private static String conversationId(int i) {
        return String.format("%08d-0000-4000-8000-%012d", i, i);
    }

    private static final String REPLY = "您可以通过以下方式查询话费余额：1. 拨打客服热线10086按提示操作；2. 登录星河通信App，"
            + "在首页点击“话费查询”；3. 发送短信“YE”到10086。如有疑问，请随时联系我们。";
    private static final String EXTRA = "{\"suggestions\":[{\"id\":\"telecom-001\",\"question\":\"话费余额怎么查\"},"
            + "{\"id\":\"telecom-002\",\"question\":\"话费详单怎么查\"}],\"quickReplies\":[\"转人工\"]}";
    private static final String STATE = "{\"topic\":\"telecom-001\",\"form\":null,\"misses\":0}";

    /** One chat message: the customer's, stored and committed; the bot's reply, stored and committed. */
    private static void message(Store store, int conversation, int number) throws SQLException {
        String id = conversationId(conversation);
        long seq;
        try (Connection c = store.pool.getConnection()) {
            if (store.sqlite) begin(c);
            seq = reserve(c, id, 1, null);
            insert(c, id, seq, "customer", "text", "m" + number, null, "话费怎么查 " + number, null);
            c.commit();
        }
        // as the server: the customer's message is acknowledged once the reply's write has written both
        try (Connection c = store.pool.getConnection()) {
            if (store.sqlite) begin(c);
            long reply = reserve(c, id, 1, STATE);
            insert(c, id, reply, "bot", "answer", null, seq, REPLY, EXTRA);
            c.commit();
        }
        store.committed();
    }

    private static void begin(Connection c) throws SQLException {
        // sqlite-jdbc starts a deferred transaction; the write lock is taken by the first update
        try (Statement s = c.createStatement()) {
            s.execute("select 1");
        }
    }

    private static long reserve(Connection c, String id, int count, String state) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(state == null
                ? "update conversations set last_seq = last_seq + ? where id = ?"
                : "update conversations set last_seq = last_seq + ?, dialogue_state = ? where id = ?")) {
            update.setInt(1, count);
            if (state != null) update.setString(2, state);
            update.setString(state == null ? 2 : 3, id);
            update.executeUpdate();
        }
        try (PreparedStatement select = c.prepareStatement("select last_seq from conversations where id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void insert(Connection c, String id, long seq, String sender, String kind, String clientId,
                               Long replyTo, String body, String extra) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into messages (conversation_id, seq, sender, kind, "
                + "client_id, reply_to, body, extra, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setLong(2, seq);
            insert.setString(3, sender);
            insert.setString(4, kind);
            insert.setString(5, clientId);
            if (replyTo == null) insert.setNull(6, java.sql.Types.BIGINT);
            else insert.setLong(6, replyTo);
            insert.setString(7, body);
            insert.setString(8, extra);
            insert.setTimestamp(9, new Timestamp(System.currentTimeMillis()));
            insert.executeUpdate();
        }
    }
}
