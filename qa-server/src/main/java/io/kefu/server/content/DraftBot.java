package io.kefu.server.content;

import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.QaBot;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * A bot of the draft state (every entry's newest version, retirements applied) for the test console, built when
 * the drafts changed since the last one and kept until they change again.
 */
@Component
class DraftBot implements AutoCloseable {

    private final VersionStore versions;
    private final QualityGate gate;
    private final Clock clock;
    private List<Long> builtFrom;
    private QaBot bot;

    DraftBot(VersionStore versions, QualityGate gate, Clock contentClock) {
        this.versions = versions;
        this.gate = gate;
        this.clock = contentClock;
    }

    /** The bot of the drafts as they are now. */
    synchronized QaBot current() {
        List<EntryVersion> newest = versions.newest().values().stream().filter(v -> !v.retired()).toList();
        List<Long> ids = newest.stream().map(EntryVersion::id).toList();
        if (bot == null || !Objects.equals(ids, builtFrom)) {
            if (bot != null) bot.close();
            var now = clock.instant();
            bot = gate.candidateBot(new KnowledgeBase(newest.stream().map(v -> v.content().faq()).toList()),
                    newest.stream().filter(v -> !v.content().validAt(now)).map(EntryVersion::entryId).toList());
            builtFrom = ids;
        }
        return bot;
    }

    @Override
    public synchronized void close() {
        if (bot != null) bot.close();
    }
}
