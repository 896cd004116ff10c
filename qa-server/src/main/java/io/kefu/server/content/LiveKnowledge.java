package io.kefu.server.content;

import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.KnowledgeFolder;
import io.kefu.qa.QaBot;
import io.kefu.server.cluster.ClusterBus;
import io.kefu.server.cluster.ClusterEvent;
import io.kefu.server.system.KnowledgeUpdates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The release this node answers from. On the first start with an empty database the knowledge folder (the bundled
 * demo or {@code KEFU_KNOWLEDGE_DIR}) becomes release 1; afterwards the bot answers from the live release. A
 * publish or rollback on any node reaches this one through the cluster bus at once (and, should a notification be
 * lost, through a look at the live release every few seconds); the bot swaps the new content in atomically while
 * chat keeps being answered. Every second the entries outside their validity dates are withheld from the bot, so
 * an entry stops or starts being answered at its minute with no publish.
 */
@Component
public class LiveKnowledge {

    private static final Logger log = LoggerFactory.getLogger(LiveKnowledge.class);
    static final String SYSTEM = "system";

    private final QaBot bot;
    private final KnowledgeUpdates updates;
    private final KnowledgeFolder folder;
    private final ReleaseStore releases;
    private final VersionStore versions;
    private final ClusterBus cluster;
    private final TestQuestionStore testQuestions;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ExecutorService swapper = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "kefu-content-swap");
        thread.setDaemon(true);
        return thread;
    });
    private volatile InForce inForce;
    private final Object validity = new Object();
    private volatile Set<String> withheld = Set.of();

    /** A release and its entries, as this node answers from them. */
    record InForce(long release, List<EntryContent> entries) {
    }

    LiveKnowledge(QaBot bot, KnowledgeUpdates updates, KnowledgeFolder folder, ReleaseStore releases,
                  VersionStore versions, ClusterBus cluster, TestQuestionStore testQuestions, Clock contentClock, PlatformTransactionManager transactions) {
        this.bot = bot;
        this.updates = updates;
        this.folder = folder;
        this.releases = releases;
        this.versions = versions;
        this.cluster = cluster;
        this.testQuestions = testQuestions;
        this.clock = contentClock;
        this.tx = new TransactionTemplate(transactions);
        cluster.onEvent(event -> {
            if (event instanceof ClusterEvent.KnowledgePublished published) {
                swapper.execute(() -> answerFrom(published.release()));
            }
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long live = releases.live().orElseGet(this::firstRelease);
        answerFrom(live);
    }

    /** Release 1: the knowledge folder the bot was built from. Another node starting at once may win the race. */
    private long firstRelease() {
        try {
            Release first = tx.execute(status -> {
                List<EntryContent> entries = folder.faq().entries().stream().map(EntryContent::of).toList();
                List<Long> ids = versions.insertPublished(entries, SYSTEM, clock.instant(), "首次启动载入");
                testQuestions.seed(clock.instant());
                return releases.insertLive("首次启动：载入 " + folder + " 的知识库", SYSTEM, clock.instant(), ids,
                        null, null, null);
            });
            log.info("the knowledge base of {} is release 1: {} entries", folder, first.entries());
            return first.id();
        } catch (DuplicateKeyException e) {
            return releases.live().orElseThrow(() -> e);
        }
    }

    /** Makes a release live on this node and tells the others. */
    void publish(long release) {
        answerFrom(release);
        cluster.publish(new ClusterEvent.KnowledgePublished(release));
    }

    /** Swaps a release in, unless it already answers. */
    synchronized void answerFrom(long release) {
        if (inForce != null && inForce.release() == release) return;
        List<EntryContent> entries = versions.byIds(releases.versions(release)).stream()
                .map(EntryVersion::content).toList();
        KnowledgeBase knowledge = new KnowledgeBase(entries.stream().map(EntryContent::faq).toList());
        boolean sameAsBuilt = inForce == null && knowledge.entries().equals(folder.faq().entries());
        InForce next = new InForce(release, entries);
        withholdExpired(next); // before the swap: an expired entry of the new release never answers
        if (!sameAsBuilt) updates.publish(knowledge).join();
        inForce = next;
        withholdExpired();
        log.info("answering from release {}: {} entries", release, entries.size());
    }

    /** The release answering on this node and its entries. */
    InForce inForce() {
        return inForce;
    }

    /** Entries outside their validity dates are not answered with; checked every second. */
    @Scheduled(fixedDelay = 1000)
    void withholdExpired() {
        InForce current = inForce;
        if (current != null) withholdExpired(current);
    }

    private void withholdExpired(InForce current) {
        synchronized (validity) {
            var now = clock.instant();
            Set<String> invalid = current.entries().stream().filter(e -> !e.validAt(now)).map(EntryContent::id)
                    .collect(Collectors.toUnmodifiableSet());
            if (invalid.equals(withheld)) return;
            bot.withhold(invalid);
            withheld = invalid;
            log.info("{} entries outside their validity dates are not answered: {}", invalid.size(),
                    invalid.stream().limit(20).toList());
        }
    }

    /** Catches up with a publish whose notification this node missed. */
    @Scheduled(fixedDelay = 3000, initialDelay = 3000)
    void followLive() {
        InForce current = inForce;
        if (current == null) return;
        releases.live().filter(live -> live != current.release()).ifPresent(live -> swapper.execute(() -> answerFrom(live)));
    }
}
