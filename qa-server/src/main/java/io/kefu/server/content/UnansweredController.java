package io.kefu.server.content;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/** The unanswered list: clusters of missed questions, takeover proposals, and the one-click actions on them. */
@RestController
@RequestMapping("/api/content/unanswered")
class UnansweredController {

    private final UnansweredQuestions unanswered;
    private final VersionStore versions;
    private final Drafts drafts;
    private final Actors actors;

    UnansweredController(UnansweredQuestions unanswered, VersionStore versions, Drafts drafts, Actors actors) {
        this.unanswered = unanswered;
        this.versions = versions;
        this.drafts = drafts;
        this.actors = actors;
    }

    record Unanswered(List<UnansweredQuestions.Cluster> clusters, List<UnansweredQuestions.Proposal> proposals) {
    }

    @GetMapping
    Unanswered list() {
        return new Unanswered(unanswered.clusters(), unanswered.proposals());
    }

    /** A question to add as a similar phrasing of an entry (a draft of it). */
    record AddPhrasing(String question, String entryId) {
    }

    @PostMapping("/similar")
    @ResponseStatus(HttpStatus.CREATED)
    EntryView addAsPhrasing(@RequestBody AddPhrasing request, Authentication who, HttpServletRequest http) {
        if (request == null || request.question() == null || request.question().isBlank()) {
            throw ContentException.invalid("请指定要添加的问题。");
        }
        EntryVersion entry = versions.newest().get(request.entryId());
        if (entry == null || entry.retired()) throw ContentException.notFound("条目 " + request.entryId() + " 不存在。");
        EntryContent c = entry.content();
        var similar = new ArrayList<>(c.similar());
        similar.add(request.question());
        EntryVersion draft = drafts.update(c.id(), new EntryContent(c.id(), c.question(), similar, c.answer(),
                c.category(), c.tags(), c.validFrom(), c.validUntil()), actors.of(who, http));
        return EntryView.of(draft, false, java.time.Instant.now());
    }

    /** A takeover proposal accepted: the customer's question and the agent's answer as a new entry's draft. */
    record Accept(String key, String question, String answer, String category) {
    }

    @PostMapping("/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    EntryView accept(@RequestBody Accept request, Authentication who, HttpServletRequest http) {
        if (request == null) throw ContentException.invalid("请发送要采纳的建议。");
        Actor actor = actors.of(who, http);
        EntryVersion draft = drafts.create(new EntryContent(null, request.question(), List.of(), request.answer(),
                request.category(), List.of("来自人工接待"), null, null), actor);
        if (request.key() != null) unanswered.dismiss(request.key(), actor.name());
        return EntryView.of(draft, false, java.time.Instant.now());
    }

    record Dismiss(String key) {
    }

    @PostMapping("/dismiss")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void dismiss(@RequestBody Dismiss request, Authentication who) {
        unanswered.dismiss(request == null ? null : request.key(), who.getName());
    }
}
