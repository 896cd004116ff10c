package io.kefu.server.content;

import io.kefu.server.staff.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every change to an entry starts as a draft by its author; a reviewer (not the author) approves it or sends it
 * back with a comment. Approved drafts go live with the next publish ({@link Publishing}).
 */
@Service
class Drafts {

    private final VersionStore versions;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    Drafts(VersionStore versions, AuditLog audit, Clock contentClock, PlatformTransactionManager transactions) {
        this.versions = versions;
        this.audit = audit;
        this.clock = contentClock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** A new entry (its id given or made up), as a draft. */
    EntryVersion create(EntryContent written, Actor actor) {
        String id = written.id() == null || written.id().isBlank() ? EntryValidation.newId() : written.id();
        EntryContent entry = checked(written.withId(id));
        return tx.execute(status -> {
            if (versions.newest().containsKey(entry.id())) {
                throw ContentException.conflict("ID 为 " + entry.id() + " 的条目已存在，请修改该条目或换一个 ID。");
            }
            return saved(entry, false, actor, "新建");
        });
    }

    /** A change to an existing entry, as a draft. */
    EntryVersion update(String id, EntryContent written, Actor actor) {
        EntryContent entry = checked(written.withId(id));
        return tx.execute(status -> {
            existing(id);
            return saved(entry, false, actor, "编辑");
        });
    }

    /** A draft that takes the entry out of the base. */
    EntryVersion retire(String id, Actor actor) {
        return tx.execute(status -> saved(existing(id).content(), true, actor, "下线"));
    }

    /** A draft that brings back an earlier version of the entry. */
    EntryVersion restore(String id, long versionId, Actor actor) {
        EntryVersion earlier = versions.find(versionId).filter(v -> v.entryId().equals(id))
                .orElseThrow(() -> ContentException.notFound("条目 " + id + " 没有版本 " + versionId + "。"));
        return tx.execute(status -> saved(earlier.content(), earlier.retired(), actor, "恢复到版本 " + versionId));
    }

    /** Approves a draft or sends it back; a reviewer may not review their own. */
    EntryVersion review(long draftId, boolean approve, String comment, Actor actor) {
        return tx.execute(status -> {
            EntryVersion draft = versions.find(draftId)
                    .orElseThrow(() -> ContentException.notFound("草稿 " + draftId + " 不存在。"));
            if (draft.state() != VersionState.DRAFT) {
                throw ContentException.conflict("草稿 " + draftId + " 已处理（" + draft.state().name() + "），无需再审核。");
            }
            if (draft.author().equals(actor.name())) {
                throw ContentException.forbidden("不能审核自己提交的草稿，请由其他审核人处理。");
            }
            String why = comment == null ? "" : comment.strip();
            if (!approve && why.isEmpty()) throw ContentException.invalid("退回草稿时请填写退回原因。");
            versions.review(draftId, approve ? VersionState.APPROVED : VersionState.REJECTED, actor.name(), why,
                    clock.instant());
            audit.record(actor.name(), approve ? "content_approve" : "content_reject", draft.entryId(),
                    "draft " + draftId + (why.isEmpty() ? "" : ": " + why), actor.address());
            return versions.find(draftId).orElseThrow();
        });
    }

    /**
     * Saves many entries as drafts at once (an import): all or none, in one transaction. {@code retire} lists
     * entries to take out.
     */
    int saveAll(List<EntryContent> entries, List<String> retire, Actor actor, String note) {
        return tx.execute(status -> {
            var newest = versions.newest();
            var drafts = new java.util.ArrayList<VersionStore.NewVersion>(entries.size() + retire.size());
            entries.forEach(entry -> drafts.add(new VersionStore.NewVersion(entry, false)));
            retire.forEach(id -> drafts.add(new VersionStore.NewVersion(newest.get(id).content(), true)));
            versions.insertDrafts(drafts, actor.name(), clock.instant(), note);
            // earlier pending drafts of the entries that had any give way to these
            for (var draft : drafts) {
                if (newest.containsKey(draft.content().id())) versions.supersedePendingBefore(draft.content().id());
            }
            audit.record(actor.name(), "content_import", null, note + ": " + entries.size() + " drafts, "
                    + retire.size() + " retirements", actor.address());
            return drafts.size();
        });
    }

    /** A change to many entries, a draft of each, all in one transaction or none. */
    int bulk(BulkChange change, Actor actor) {
        if (change == null || change.ids() == null || change.ids().isEmpty()) throw ContentException.invalid("请先选择条目。");
        BulkChange.Action action = change.parsedAction();
        if (action == BulkChange.Action.CATEGORY && (change.category() == null
                || change.category().strip().length() > EntryValidation.CATEGORY_LENGTH)) {
            throw ContentException.invalid("请填写分类名称（最多 " + EntryValidation.CATEGORY_LENGTH + " 字）。");
        }
        return tx.execute(status -> {
            var newest = versions.newest();
            var drafts = new java.util.ArrayList<VersionStore.NewVersion>();
            for (String id : new java.util.LinkedHashSet<>(change.ids())) {
                EntryVersion current = newest.get(id);
                if (current == null || current.retired()) throw ContentException.notFound("条目 " + id + " 不存在或已下线。");
                EntryContent entry = EntryValidation.cleaned(change.applied(current.content()));
                var problems = EntryValidation.problems(entry);
                if (!problems.isEmpty()) throw ContentException.invalid(id + "：" + problems.get(0).message());
                drafts.add(new VersionStore.NewVersion(entry, action == BulkChange.Action.RETIRE));
            }
            String note = "批量" + switch (action) {
                case CATEGORY -> "移动分类";
                case RETIRE -> "下线";
                case VALIDITY -> "设置有效期";
            };
            versions.insertDrafts(drafts, actor.name(), clock.instant(), note);
            drafts.forEach(d -> versions.supersedePendingBefore(d.content().id()));
            audit.record(actor.name(), "content_bulk", null, note + ": " + drafts.size() + " entries", actor.address());
            return drafts.size();
        });
    }

    /** Approves or sends back many drafts at once, in one transaction: all of them or, on any refusal, none. */
    int reviewAll(List<Long> draftIds, boolean approve, String comment, Actor actor) {
        return tx.execute(status -> {
            for (long id : draftIds) review(id, approve, comment, actor);
            return draftIds.size();
        });
    }

    private EntryVersion existing(String id) {
        EntryVersion newest = versions.newest().get(id);
        if (newest == null) throw ContentException.notFound("条目 " + id + " 不存在。");
        return newest;
    }

    private EntryVersion saved(EntryContent entry, boolean retired, Actor actor, String note) {
        long id = versions.insert(entry, retired, VersionState.DRAFT, actor.name(), clock.instant(), note);
        versions.supersedePending(entry.id(), id);
        audit.record(actor.name(), "content_draft", entry.id(), note + " (draft " + id + ")", actor.address());
        return versions.find(id).orElseThrow();
    }

    /** Cleans and checks an entry, including that no other entry has one of its phrasings. */
    private EntryContent checked(EntryContent written) {
        EntryContent entry = EntryValidation.cleaned(written);
        var problems = EntryValidation.problems(entry);
        if (!problems.isEmpty()) {
            throw ContentException.invalid(problems.stream().map(p -> p.field() + "：" + p.message())
                    .collect(Collectors.joining(" ")));
        }
        var clashes = EntryValidation.clashes(entry, phrasingOwners(entry.id()));
        if (!clashes.isEmpty()) {
            var first = clashes.entrySet().iterator().next();
            throw ContentException.invalid("问法「" + first.getKey() + "」已属于条目 " + first.getValue()
                    + "，同一问法不能对应两个条目。");
        }
        return entry;
    }

    /** Every phrasing of the other entries (their newest versions, retired ones left out), by key. */
    private Map<String, String> phrasingOwners(String except) {
        var owners = new HashMap<String, String>();
        for (EntryVersion version : versions.newest().values()) {
            if (version.retired() || version.entryId().equals(except)) continue;
            for (String phrasing : EntryValidation.phrasings(version.content())) {
                owners.putIfAbsent(EntryValidation.key(phrasing), version.entryId());
            }
        }
        return owners;
    }
}
