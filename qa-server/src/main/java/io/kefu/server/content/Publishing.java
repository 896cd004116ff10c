package io.kefu.server.content;

import io.kefu.qa.KnowledgeBase;
import io.kefu.server.staff.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * Making approved changes live: a publish through the quality gate, a rollback to an earlier release, an urgent
 * notice in one step. Each makes a new release, which every node swaps in ({@link LiveKnowledge}).
 */
@Service
class Publishing {

    private final VersionStore versions;
    private final ReleaseStore releases;
    private final TestQuestionStore testQuestions;
    private final QualityGate gate;
    private final LiveKnowledge live;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;

    Publishing(VersionStore versions, ReleaseStore releases, TestQuestionStore testQuestions, QualityGate gate,
               LiveKnowledge live, AuditLog audit, JsonMapper json, Clock contentClock,
               PlatformTransactionManager transactions) {
        this.versions = versions;
        this.releases = releases;
        this.testQuestions = testQuestions;
        this.gate = gate;
        this.live = live;
        this.audit = audit;
        this.json = json;
        this.clock = contentClock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** A publish's result: the release made, or none when the gate blocked it. */
    record Outcome(Release release, GateResult gate) {
        boolean published() {
            return release != null;
        }
    }

    /**
     * Publishes every approved change after the quality gate; a failed gate blocks it unless a reviewer gives a
     * reason to override, which is audited.
     */
    synchronized Outcome publish(String note, String overrideReason, Actor actor) {
        var approved = versions.approvedState();
        List<EntryVersion> changes = approved.values().stream().filter(v -> v.state() == VersionState.APPROVED).toList();
        if (changes.isEmpty()) throw ContentException.conflict("没有已审核通过、待发布的修改。");
        List<EntryVersion> candidate = approved.values().stream().filter(v -> !v.retired()).toList();
        KnowledgeBase knowledge = new KnowledgeBase(candidate.stream().map(v -> v.content().faq()).toList());
        Instant now = clock.instant();
        List<String> withheld = candidate.stream().filter(v -> !v.content().validAt(now)).map(EntryVersion::entryId)
                .toList();
        GateResult result = gate.check(knowledge, withheld, testQuestions.all());
        String reason = overrideReason == null ? "" : overrideReason.strip();
        if (!result.passed() && reason.isEmpty()) {
            audit.record(actor.name(), "content_publish_blocked", null, String.join(" ", result.reasons()),
                    actor.address());
            return new Outcome(null, result);
        }
        Release release = tx.execute(status -> {
            Release made = releases.insertLive(note, actor.name(), now, candidate.stream().map(EntryVersion::id).toList(),
                    json.writeValueAsString(result), result.passed() ? null : reason, null);
            versions.markPublished(changes.stream().map(EntryVersion::id).toList());
            return made;
        });
        audit.record(actor.name(), "content_publish", "release " + release.id(),
                changes.size() + " changes, " + release.entries() + " entries", actor.address());
        if (!result.passed()) {
            audit.record(actor.name(), "content_publish_override", "release " + release.id(), reason, actor.address());
        }
        live.publish(release.id());
        return new Outcome(release, result);
    }

    /**
     * Makes an earlier release live again as a new release. Entries whose approved state differs from it get a
     * published version with its content (or a retirement), so that the next publish starts from what is live.
     */
    synchronized Release restore(long releaseId, Actor actor) {
        Release earlier = releases.find(releaseId)
                .orElseThrow(() -> ContentException.notFound("发布版本 " + releaseId + " 不存在。"));
        Instant now = clock.instant();
        String note = "恢复到发布版本 " + releaseId;
        Release release = tx.execute(status -> {
            var approved = versions.approvedState();
            var restored = new LinkedHashMap<String, EntryVersion>();
            versions.byIds(releases.versions(releaseId)).forEach(v -> restored.put(v.entryId(), v));
            var ids = new ArrayList<Long>();
            for (EntryVersion old : restored.values()) {
                EntryVersion current = approved.get(old.entryId());
                boolean same = current != null && !current.retired() && current.content().equals(old.content());
                ids.add(same ? current.id() : versions.insert(old.content(), false, VersionState.PUBLISHED,
                        actor.name(), now, note));
            }
            for (EntryVersion current : approved.values()) {
                if (!current.retired() && !restored.containsKey(current.entryId())) {
                    versions.insert(current.content(), true, VersionState.PUBLISHED, actor.name(), now, note);
                }
            }
            return releases.insertLive(note, actor.name(), now, ids, null, null, releaseId);
        });
        audit.record(actor.name(), "content_restore", "release " + release.id(), note, actor.address());
        live.publish(release.id());
        return Objects.requireNonNull(release, earlier.toString());
    }

    /**
     * An urgent notice (an outage in an area) live in one step: the live release plus this entry, with an expiry,
     * without waiting for the other approved changes or the gate.
     */
    synchronized Release notice(EntryContent written, Actor actor) {
        EntryContent notice = EntryValidation.cleaned(written.id() == null || written.id().isBlank()
                ? written.withId("notice-" + EntryValidation.newId().substring(3)) : written);
        var problems = EntryValidation.problems(notice);
        if (!problems.isEmpty()) throw ContentException.invalid(problems.get(0).field() + "：" + problems.get(0).message());
        if (notice.validUntil() == null) throw ContentException.invalid("紧急通知必须填写失效时间。");
        Instant now = clock.instant();
        Release release = tx.execute(status -> {
            long liveId = releases.live().orElseThrow();
            var ids = new ArrayList<Long>();
            for (EntryVersion v : versions.byIds(releases.versions(liveId))) {
                if (!v.entryId().equals(notice.id())) ids.add(v.id());
            }
            ids.add(versions.insert(notice, false, VersionState.PUBLISHED, actor.name(), now, "紧急通知"));
            return releases.insertLive("紧急通知：" + notice.question(), actor.name(), now, ids, null, null, null);
        });
        audit.record(actor.name(), "content_notice", notice.id(), "release " + release.id() + " until "
                + notice.validUntil(), actor.address());
        live.publish(release.id());
        return release;
    }
}
