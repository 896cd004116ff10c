package io.kefu.server.store;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTest {

    /** A store whose "file" holds what was committed when its last write began. */
    private static final class FakeStore implements GroupCommit.Write {
        final AtomicLong committed = new AtomicLong();
        final AtomicLong inFile = new AtomicLong();
        final AtomicInteger writes = new AtomicInteger();
        final List<Long> starts = new ArrayList<>();

        @Override
        public synchronized void run() throws InterruptedException {
            starts.add(System.nanoTime());
            long snapshot = committed.get();
            Thread.sleep(1); // a write takes a while; commits meanwhile are not in it
            inFile.set(snapshot);
            writes.incrementAndGet();
        }
    }

    @Test
    void aCallerReturnsOnlyOnceWhatItCommittedIsInTheFile() throws Exception {
        var store = new FakeStore();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try (var group = new GroupCommit(store, Duration.ZERO)) {
            var calls = new ArrayList<Future<?>>();
            for (int t = 0; t < 16; t++) {
                calls.add(threads.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        long mine = store.committed.incrementAndGet();
                        group.awaitWritten();
                        assertThat(store.inFile.get()).isGreaterThanOrEqualTo(mine);
                    }
                    return null;
                }));
            }
            for (Future<?> call : calls) call.get();
        } finally {
            threads.shutdown();
        }
        // 3,200 commits: shared writes, not one each
        assertThat(store.writes.get()).isLessThan(3_200 / 2);
    }

    @Test
    void writesStartNoCloserThanTheInterval() throws Exception {
        var store = new FakeStore();
        try (var group = new GroupCommit(store, Duration.ofMillis(20))) {
            for (int i = 0; i < 5; i++) group.awaitWritten();
        }
        for (int i = 1; i < store.starts.size(); i++) {
            assertThat(store.starts.get(i) - store.starts.get(i - 1)).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
        }
        assertThat(store.starts).hasSize(5);
    }

    @Test
    void aFailedWriteFailsItsCallersAndTheNextWriteServesTheNextOnes() {
        var failing = new AtomicBoolean(true);
        var writes = new AtomicInteger();
        try (var group = new GroupCommit(() -> {
            writes.incrementAndGet();
            if (failing.get()) throw new java.io.IOException("No space left on device");
        }, Duration.ZERO)) {
            assertThatThrownBy(group::awaitWritten).isInstanceOf(StoreWriteException.class)
                    .hasRootCauseMessage("No space left on device");
            failing.set(false);
            group.awaitWritten();
            assertThat(writes.get()).isEqualTo(2);
        }
    }

    @Test
    void nothingIsWrittenWhileNobodyWaits() throws Exception {
        var writes = new AtomicInteger();
        try (var group = new GroupCommit(writes::incrementAndGet, Duration.ZERO)) {
            Thread.sleep(50);
            assertThat(writes.get()).isZero();
            group.awaitWritten();
            assertThat(writes.get()).isEqualTo(1);
        }
    }

    @Test
    void aClosedGroupCommitRefusesToPromiseAWrite() {
        var group = new GroupCommit(() -> { }, Duration.ZERO);
        group.close();
        assertThatThrownBy(group::awaitWritten).isInstanceOf(StoreWriteException.class);
    }
}
