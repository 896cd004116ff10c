package io.kefu.server.content;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** Releases: publish through the gate, list, roll back; urgent notices. */
@RestController
@RequestMapping("/api/content")
class ReleaseController {

    private final Publishing publishing;
    private final ReleaseStore releases;
    private final LiveKnowledge live;
    private final Actors actors;
    private final JsonMapper json;

    ReleaseController(Publishing publishing, ReleaseStore releases, LiveKnowledge live, Actors actors, JsonMapper json) {
        this.publishing = publishing;
        this.releases = releases;
        this.live = live;
        this.actors = actors;
        this.json = json;
    }

    /** What a reviewer sends to publish: a note, and a reason only to publish past a failed gate. */
    record PublishRequest(String note, String overrideReason) {
    }

    /** A release as the API shows it, with the gate's comparison. */
    record ReleaseView(long id, String note, String publishedBy, java.time.Instant publishedAt, int entries,
                       JsonNode gate, String overrideReason, Long restoredFrom, boolean live) {
    }

    /** The answer to a publish: the release (null when blocked), the gate's result, and why it was blocked. */
    record PublishResult(ReleaseView release, GateResult gate, String detail) {
    }

    @PostMapping("/releases")
    ResponseEntity<PublishResult> publish(@RequestBody(required = false) PublishRequest request, Authentication who,
                                          HttpServletRequest http) {
        PublishRequest body = request == null ? new PublishRequest(null, null) : request;
        Publishing.Outcome outcome = publishing.publish(body.note(), body.overrideReason(), actors.of(who, http));
        if (!outcome.published()) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(new PublishResult(null, outcome.gate(),
                    "质量检查未通过，发布已拦截：" + String.join(" ", outcome.gate().reasons())
                            + " 如确需发布，请填写放行理由。"));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(new PublishResult(view(outcome.release()),
                outcome.gate(), outcome.gate().passed() ? "已发布。" : "质量检查未通过，已按放行理由发布。"));
    }

    @GetMapping("/releases")
    List<ReleaseView> releases() {
        return releases.all().stream().map(this::view).toList();
    }

    @PostMapping("/releases/{id}/restore")
    @ResponseStatus(HttpStatus.CREATED)
    ReleaseView restore(@PathVariable long id, Authentication who, HttpServletRequest http) {
        return view(publishing.restore(id, actors.of(who, http)));
    }

    /** An urgent notice, live at once until its 失效时间. */
    @PostMapping("/notices")
    @ResponseStatus(HttpStatus.CREATED)
    ReleaseView notice(@RequestBody EntryContent notice, Authentication who, HttpServletRequest http) {
        return view(publishing.notice(notice, actors.of(who, http)));
    }

    private ReleaseView view(Release release) {
        var inForce = live.inForce();
        return new ReleaseView(release.id(), release.note(), release.publishedBy(), release.publishedAt(),
                release.entries(), release.gate() == null ? null : json.readTree(release.gate()),
                release.overrideReason(), release.restoredFrom(), inForce != null && inForce.release() == release.id());
    }
}
