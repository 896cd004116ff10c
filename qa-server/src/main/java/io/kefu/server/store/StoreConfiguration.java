package io.kefu.server.store;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The transactions of the server: on the embedded H2 database, durable at commit by a group commit; on
 * PostgreSQL, its own (durable at commit already).
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    /**
     * The least time between two writes of the embedded database's file. Each write stores every page changed
     * since the one before plus a chunk header, so writing less often costs less CPU and far less file, while a
     * customer's message waits for one write, at most this long plus the write itself (docs/benchmarks.md,
     * "Durability").
     */
    static final Duration GROUP_COMMIT_INTERVAL = Duration.ofMillis(5);

    @Bean // closed by its close(), when it has one
    StoreWrites storeWrites(DataSource dataSource) throws SQLException {
        if (!dataSource.isWrapperFor(HikariDataSource.class)) return StoreWrites.AT_COMMIT;
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        return EmbeddedH2Writes.open(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())
                .<StoreWrites>map(store -> new GroupCommit(store, GROUP_COMMIT_INTERVAL))
                .orElse(StoreWrites.AT_COMMIT);
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource, StoreWrites writes) {
        var transactions = new JdbcTransactionManager(dataSource);
        return writes == StoreWrites.AT_COMMIT ? transactions : new DurableTransactions(transactions, writes);
    }
}
