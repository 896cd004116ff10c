package io.kefu.server.store;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Many committed transactions, one write to the file: a caller of {@link #awaitWritten} returns once a write that
 * began after the call has finished, so everything it committed before calling is in the file. One thread makes the
 * writes, back to back while callers wait, but no two starting closer than {@code minInterval}: every write stores
 * a new copy of each page changed since the one before, so fewer, larger groups cost less per transaction
 * (docs/benchmarks.md, "Durability").
 */
public final class GroupCommit implements StoreWrites, AutoCloseable {

    /** How long a caller waits for a write before giving up on it (the file is not writable). */
    static final Duration WAIT_LIMIT = Duration.ofSeconds(10);

    /** The shared write: everything committed so far, into the file. */
    @FunctionalInterface
    public interface Write {
        void run() throws Exception;
    }

    private final Write write;
    private final long minIntervalNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wanted = lock.newCondition();
    private final Condition written = lock.newCondition();
    private final Thread writer;

    /** The number of the latest write a caller waits for, the latest one begun and the latest one finished. */
    private long needed;
    private long begun;
    private long finished;
    /** The write that failed last, and why; its callers hear of it. */
    private long failed = -1;
    private Exception failure;
    private boolean closed;
    /** Writes made and the time they took, for the log and the benchmark. */
    private long writeNanos;

    public GroupCommit(Write write, Duration minInterval) {
        this.write = Objects.requireNonNull(write);
        this.minIntervalNanos = minInterval.toNanos();
        if (minIntervalNanos < 0) throw new IllegalArgumentException("a negative interval");
        this.writer = new Thread(this::writeWhileWanted, "group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Returns once everything committed before this call is in the file.
     *
     * @throws StoreWriteException when that write failed, or did not come within {@link #WAIT_LIMIT}
     */
    @Override
    public void awaitWritten() {
        lock.lock();
        try {
            if (closed) throw new StoreWriteException("the store is closed", null);
            long mine = begun + 1;
            if (needed < mine) {
                needed = mine;
                wanted.signal();
            }
            long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
            while (finished < mine) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) throw new StoreWriteException("no write of the store came in time", null);
                written.awaitNanos(left);
            }
            if (failed >= mine) throw new StoreWriteException("the store could not write its file", failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreWriteException("interrupted while waiting for the store's write", e);
        } finally {
            lock.unlock();
        }
    }

    private void writeWhileWanted() {
        try {
            writeUntilClosed();
        } finally {
            // closed, or an Error ended the thread: nobody may wait for a write that will not come
            lock.lock();
            try {
                closed = true;
                written.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void writeUntilClosed() {
        long lastStart = System.nanoTime() - minIntervalNanos;
        while (true) {
            lock.lock();
            try {
                while (needed <= finished && !closed) wanted.awaitUninterruptibly();
                if (closed) return;
            } finally {
                lock.unlock();
            }
            // callers arriving meanwhile join this write (a park may end early: wait until the time has come)
            long due = lastStart + minIntervalNanos;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            lastStart = System.nanoTime();
            long number = begin();
            Exception error = null;
            try {
                write.run();
            } catch (Exception e) {
                error = e;
            }
            finish(number, error, System.nanoTime() - lastStart);
        }
    }

    private long begin() {
        lock.lock();
        try {
            return ++begun;
        } finally {
            lock.unlock();
        }
    }

    private void finish(long number, Exception error, long took) {
        lock.lock();
        try {
            finished = number;
            writeNanos += took;
            if (error != null) {
                failed = number;
                failure = error;
            }
            written.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many writes were made, and their mean duration in milliseconds. */
    public String statistics() {
        lock.lock();
        try {
            return String.format("%d writes, %.2f ms each", finished, finished == 0 ? 0 : writeNanos / 1e6 / finished);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the writer, and closes the write when it is {@link AutoCloseable}; callers still waiting fail (the store
     * writes what it has when it closes).
     */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            wanted.signal();
            written.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
            if (write instanceof AutoCloseable closeable) closeable.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new StoreWriteException("the store did not close", e);
        }
    }
}
