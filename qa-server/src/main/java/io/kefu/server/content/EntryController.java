package io.kefu.server.content;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Entries: browse, draft, retire, history, restore; drafts waiting for review, and reviews. */
@RestController
@RequestMapping("/api/content")
class EntryController {

    private static final int PAGE = 200;

    private final VersionStore versions;
    private final Drafts drafts;
    private final LiveKnowledge live;
    private final Actors actors;
    private final Clock clock;

    EntryController(VersionStore versions, Drafts drafts, LiveKnowledge live, Actors actors, Clock contentClock) {
        this.versions = versions;
        this.drafts = drafts;
        this.live = live;
        this.actors = actors;
        this.clock = contentClock;
    }

    /** A page of entries, filtered by text (question, phrasings, answer, id), category, state and last editor. */
    @GetMapping("/entries")
    Page entries(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
                 @RequestParam(required = false) String state, @RequestParam(required = false) String author,
                 @RequestParam(defaultValue = "0") int offset) {
        Set<String> liveIds = liveIds();
        var now = clock.instant();
        String text = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        VersionState wanted = parseState(state);
        List<EntryView> matching = versions.newest().values().stream()
                .filter(v -> text.isEmpty() || matches(v.content(), text))
                .filter(v -> category == null || category.isBlank() || category.equals(v.content().category()))
                .filter(v -> wanted == null || v.state() == wanted)
                .filter(v -> author == null || author.isBlank() || author.equals(v.author()))
                .map(v -> EntryView.of(v, liveIds.contains(v.entryId()), now)).toList();
        int from = Math.max(0, Math.min(offset, matching.size()));
        return new Page(matching.size(), from, matching.subList(from, Math.min(matching.size(), from + PAGE)));
    }

    record Page(int total, int offset, List<EntryView> entries) {
    }

    @GetMapping("/entries/{id}")
    EntryView entry(@PathVariable String id) {
        EntryVersion newest = versions.newest().get(id);
        if (newest == null) throw ContentException.notFound("条目 " + id + " 不存在。");
        return EntryView.of(newest, liveIds().contains(id), clock.instant());
    }

    @PostMapping("/entries")
    @ResponseStatus(HttpStatus.CREATED)
    EntryView create(@RequestBody EntryContent entry, Authentication who, HttpServletRequest request) {
        return view(drafts.create(entry, actors.of(who, request)));
    }

    @PutMapping("/entries/{id}")
    EntryView update(@PathVariable String id, @RequestBody EntryContent entry, Authentication who,
                     HttpServletRequest request) {
        return view(drafts.update(id, entry, actors.of(who, request)));
    }

    @DeleteMapping("/entries/{id}")
    EntryView retire(@PathVariable String id, Authentication who, HttpServletRequest request) {
        return view(drafts.retire(id, actors.of(who, request)));
    }

    record Drafted(int drafts) {
    }

    /** Move category, retire or set validity on a selection: a draft of each entry. */
    @PostMapping("/entries/bulk")
    @ResponseStatus(HttpStatus.CREATED)
    Drafted bulk(@RequestBody BulkChange change, Authentication who, HttpServletRequest request) {
        return new Drafted(drafts.bulk(change, actors.of(who, request)));
    }

    /** One version of the history, with what it changed against the version before. */
    record HistoryItem(long versionId, VersionState state, boolean retired, String author, java.time.Instant at,
                       String note, String reviewer, String reviewComment, List<String> changes,
                       EntryContent content) {
    }

    /** Every version of the entry, newest first. */
    @GetMapping("/entries/{id}/history")
    List<HistoryItem> history(@PathVariable String id) {
        List<EntryVersion> all = versions.history(id);
        if (all.isEmpty()) throw ContentException.notFound("条目 " + id + " 不存在。");
        var items = new ArrayList<HistoryItem>();
        EntryContent before = null;
        for (EntryVersion v : all) {
            items.add(new HistoryItem(v.id(), v.state(), v.retired(), v.author(), v.createdAt(), v.note(),
                    v.reviewer(), v.reviewComment(), EntryDiff.between(before, v.content(), v.retired()), v.content()));
            if (!v.retired()) before = v.content();
        }
        java.util.Collections.reverse(items);
        return items;
    }

    /** A draft that brings the entry back to an earlier version. */
    @PostMapping("/entries/{id}/restore")
    @ResponseStatus(HttpStatus.CREATED)
    EntryView restore(@PathVariable String id, @RequestParam long version, Authentication who,
                      HttpServletRequest request) {
        return view(drafts.restore(id, version, actors.of(who, request)));
    }

    /** Drafts waiting for a reviewer, oldest first, each with its changes against the approved state. */
    @GetMapping("/reviews")
    List<HistoryItem> pending() {
        var approved = versions.approvedState();
        return versions.inState(VersionState.DRAFT).stream().map(v -> {
            EntryVersion base = approved.get(v.entryId());
            EntryContent before = base == null || base.retired() ? null : base.content();
            return new HistoryItem(v.id(), v.state(), v.retired(), v.author(), v.createdAt(), v.note(), null, null,
                    EntryDiff.between(before, v.content(), v.retired()), v.content());
        }).toList();
    }

    /** A reviewer's decision on a draft. */
    record Review(String decision, String comment) {
    }

    @PostMapping("/reviews/{draftId}")
    EntryView review(@PathVariable long draftId, @RequestBody Review review, Authentication who,
                     HttpServletRequest request) {
        if (review == null) throw ContentException.invalid("请选择通过（approve）或退回（reject）。");
        boolean approve = approve(review.decision());
        return view(drafts.review(draftId, approve, review.comment(), actors.of(who, request)));
    }

    /** One decision on many drafts (a reviewed import): all approved or sent back, or none. */
    record Reviews(String decision, String comment, List<Long> draftIds) {
    }

    record Reviewed(int reviewed) {
    }

    @PostMapping("/reviews")
    Reviewed reviewAll(@RequestBody Reviews reviews, Authentication who, HttpServletRequest request) {
        if (reviews == null || reviews.draftIds() == null || reviews.draftIds().isEmpty()) {
            throw ContentException.invalid("请选择要审核的草稿。");
        }
        boolean approve = approve(reviews.decision());
        return new Reviewed(drafts.reviewAll(reviews.draftIds(), approve, reviews.comment(), actors.of(who, request)));
    }

    private static boolean approve(String decision) {
        if (decision == null) throw ContentException.invalid("请选择通过（approve）或退回（reject）。");
        return switch (decision.strip().toLowerCase(Locale.ROOT)) {
            case "approve" -> true;
            case "reject" -> false;
            default -> throw ContentException.invalid("审核结论只能是通过（approve）或退回（reject）。");
        };
    }

    private EntryView view(EntryVersion version) {
        return EntryView.of(version, liveIds().contains(version.entryId()), clock.instant());
    }

    private Set<String> liveIds() {
        var inForce = live.inForce();
        return inForce == null ? Set.of()
                : inForce.entries().stream().map(EntryContent::id).collect(Collectors.toUnmodifiableSet());
    }

    private static boolean matches(EntryContent entry, String text) {
        return entry.id().toLowerCase(Locale.ROOT).contains(text) || entry.question().toLowerCase(Locale.ROOT).contains(text)
                || entry.answer().toLowerCase(Locale.ROOT).contains(text)
                || entry.similar().stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(text));
    }

    private static VersionState parseState(String state) {
        if (state == null || state.isBlank()) return null;
        try {
            return VersionState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ContentException.invalid("未知的状态：" + state + "。可选 draft、approved、rejected、published。");
        }
    }
}
