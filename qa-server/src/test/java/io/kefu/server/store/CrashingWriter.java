package io.kefu.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The process {@link EmbeddedH2CrashIT} kills: four threads commit rows through the server's transactions
 * ({@link StoreConfiguration}) on an embedded H2 file and print {@code ACK id} after each commit returns, until
 * killed. Arguments: the database URL (with its table {@code acked}), and {@code timer} to use Spring's plain
 * transactions instead, which leave the writing to H2's timer.
 */
final class CrashingWriter {

    public static void main(String[] args) throws Exception {
        var config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername("sa");
        config.setMaximumPoolSize(4);
        var pool = new HikariDataSource(config);
        var configuration = new StoreConfiguration();
        var tx = new TransactionTemplate(args.length > 1 && args[1].equals("timer") ? new JdbcTransactionManager(pool)
                : configuration.transactionManager(pool, configuration.storeWrites(pool)));
        var jdbc = JdbcClient.create(pool);
        var out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            threads.execute(() -> {
                for (int i = 0; ; i++) {
                    int id = i * 4 + thread;
                    tx.executeWithoutResult(s -> jdbc.sql("insert into acked (id, body) values (?, ?)")
                            .params(id, "您好，这是第" + id + "条消息").update());
                    synchronized (out) {
                        out.println("ACK " + id);
                        out.flush();
                    }
                }
            });
        }
    }
}
