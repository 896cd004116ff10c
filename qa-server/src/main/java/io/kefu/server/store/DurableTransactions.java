package io.kefu.server.store;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/**
 * Transactions whose commit returns only once what they wrote is in the database's file, as PostgreSQL's does:
 * a message acknowledged after its transaction survives a crash of the server. The wait comes after the connection
 * went back to the pool, so transactions waiting for the shared write hold no connection.
 */
public final class DurableTransactions implements PlatformTransactionManager {

    /**
     * The name of a transaction whose commit does not wait: its caller waits for a later transaction's (which
     * writes both) or calls {@link StoreWrites#awaitWritten} itself before it acknowledges anything.
     */
    public static final String WRITTEN_LATER = "written-later";

    private final PlatformTransactionManager delegate;
    private final StoreWrites writes;

    DurableTransactions(PlatformTransactionManager delegate, StoreWrites writes) {
        this.delegate = delegate;
        this.writes = writes;
    }

    @Override
    public TransactionStatus getTransaction(TransactionDefinition definition) {
        return delegate.getTransaction(definition);
    }

    @Override
    public void commit(TransactionStatus status) {
        // an inner transaction joining an outer one is written with the outer one
        boolean wrote = status.isNewTransaction() && !status.isRollbackOnly() && !status.isReadOnly()
                && !WRITTEN_LATER.equals(status.getTransactionName());
        delegate.commit(status);
        if (wrote) writes.awaitWritten();
    }

    @Override
    public void rollback(TransactionStatus status) {
        delegate.rollback(status);
    }
}
