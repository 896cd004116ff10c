package io.kefu.server.content;

import io.kefu.server.staff.ApiTokens;
import io.kefu.server.staff.Role;
import io.kefu.server.staff.StaffService;

import java.util.Map;
import java.util.Set;

/** Staff accounts of a content team (two editors, a reviewer, a second reviewer, an agent) with their API tokens. */
final class ContentFixture {

    final ContentApi editor;
    final ContentApi secondEditor;
    final ContentApi reviewer;
    final ContentApi secondReviewer;
    final ContentApi agent;
    final ContentApi anonymous;

    ContentFixture(int port, StaffService staff, ApiTokens tokens, String prefix) {
        this.editor = api(port, staff, tokens, prefix + "-ed", Role.EDITOR);
        this.secondEditor = api(port, staff, tokens, prefix + "-ed2", Role.EDITOR);
        this.reviewer = api(port, staff, tokens, prefix + "-rev", Role.REVIEWER);
        this.secondReviewer = api(port, staff, tokens, prefix + "-rev2", Role.REVIEWER);
        this.agent = api(port, staff, tokens, prefix + "-agent", Role.AGENT);
        this.anonymous = new ContentApi(port, null);
    }

    private static ContentApi api(int port, StaffService staff, ApiTokens tokens, String name, Role role) {
        staff.create(new StaffService.NewStaff(name, name, "content-pass-1", Set.of(role), null, Set.of()), "test");
        return new ContentApi(port, tokens.create(name, "test", "test", null).token());
    }

    /** An entry as the API takes it. */
    static Map<String, Object> entry(String id, String question, java.util.List<String> similar, String answer) {
        var body = new java.util.LinkedHashMap<String, Object>();
        if (id != null) body.put("id", id);
        body.put("question", question);
        body.put("similar", similar);
        body.put("answer", answer);
        body.put("category", "测试");
        return body;
    }
}
