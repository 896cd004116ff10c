package io.kefu.server.outreach;

import io.kefu.server.system.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /api/outreach}: proactive messages from the operator's systems (their key, {@code KEFU_OUTREACH_KEY});
 * {@code /api/admin/outreach/templates}: the templates, for administrators (docs/outreach.md).
 */
@RestController
class OutreachController {

    private static final Pattern TEMPLATE_ID = Pattern.compile("[a-z0-9_]{1,64}");

    private final OutreachService outreach;
    private final TemplateStore templates;

    OutreachController(OutreachService outreach, TemplateStore templates) {
        this.outreach = outreach;
        this.templates = templates;
    }

    /** A message as the API shows it; {@code response}: what the customer wrote first after seeing it. */
    record OutreachView(String id, String customer, String template, int templateVersion, String status,
                        Instant notBefore, Instant createdAt, Instant deliveredAt, String response) {
    }

    /**
     * Sends a customer a message from a template, e.g.
     * {@code {"template": "data_low", "customer": "C10086", "variables": {"used": "9.5GB", "left": "0.5GB"}}}.
     * 201 with {@code status} {@code delivered} (shown now) or {@code pending} (shown on the next visit, or after
     * quiet hours at {@code notBefore}); 404 for an unknown template or customer, 400 for missing or unknown
     * variables, 429 past the customer's daily limit; nothing is sent when refused.
     */
    @PostMapping("/api/outreach")
    @ResponseStatus(HttpStatus.CREATED)
    OutreachView send(@RequestBody OutreachService.Request request, Authentication caller,
                      HttpServletRequest http) {
        return view(outreach.send(request, caller.getName(), http.getRemoteAddr()));
    }

    /** A message sent earlier: whether it was shown, and the customer's response. */
    @GetMapping("/api/outreach/{id}")
    OutreachView status(@PathVariable String id) {
        return outreach.find(id).map(this::view).orElseThrow(() -> new OutreachException(HttpStatus.NOT_FOUND,
                "unknown_message", "没有这条主动消息。"));
    }

    /** The latest version of every template. */
    @GetMapping("/api/admin/outreach/templates")
    List<Template> templates() {
        return templates.all();
    }

    /** A template as an administrator writes it. */
    record TemplateEdit(String title, String body, List<String> buttons) {
    }

    /** Saves a new version of a template (or its first); messages already sent keep the version they used. */
    @PutMapping("/api/admin/outreach/templates/{id}")
    Template edit(@PathVariable String id, @RequestBody TemplateEdit edit, Authentication editor) {
        if (!TEMPLATE_ID.matcher(id).matches()) throw new BadRequestException("模板编号只能用小写字母、数字和下划线。");
        if (edit.title() == null || edit.title().isBlank() || edit.title().length() > 100) {
            throw new BadRequestException("请填写标题（最多 100 字）。");
        }
        if (edit.body() == null || edit.body().isBlank() || edit.body().length() > 1000) {
            throw new BadRequestException("请填写消息内容（最多 1000 字）。");
        }
        List<String> buttons = edit.buttons() == null ? List.of() : edit.buttons().stream().map(String::strip)
                .filter(b -> !b.isEmpty()).toList();
        if (buttons.size() > 4 || buttons.stream().anyMatch(b -> b.length() > 30)) {
            throw new BadRequestException("最多 4 个快捷按钮，每个最多 30 字。");
        }
        return templates.save(id, edit.title().strip(), edit.body().strip(), buttons, editor.getName());
    }

    @ExceptionHandler(OutreachException.class)
    ProblemDetail refused(OutreachException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setProperty("code", e.code());
        return problem;
    }

    private OutreachView view(OutreachMessage m) {
        return new OutreachView(m.id(), m.customerId(), m.templateId(), m.templateVersion(), m.status().wireName(),
                m.notBefore(), m.createdAt(), m.deliveredAt(), outreach.response(m).orElse(null));
    }
}
