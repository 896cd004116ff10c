package io.kefu.server.staff;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/** The signed-in staff member ({@code /api/staff/me}) and, for administrators, staff accounts and the audit log. */
@RestController
class StaffController {

    private static final int AUDIT_PAGE = 500;

    private final StaffService staff;
    private final AuditLog audit;

    StaffController(StaffService staff, AuditLog audit) {
        this.staff = staff;
        this.audit = audit;
    }

    /** The latest audit entries (sign-ins, takeovers, transfers, closes...), newest first. */
    @GetMapping("/api/admin/audit")
    List<AuditLog.Entry> audit() {
        return audit.latest(AUDIT_PAGE);
    }

    /** An account as the API shows it: never the password hash. */
    record StaffView(String username, String displayName, Set<Role> roles, int capacity, Set<String> skills,
                     boolean enabled) {

        static StaffView of(StaffAccount account) {
            return new StaffView(account.username(), account.displayName(), account.roles(), account.capacity(),
                    account.skills(), account.enabled());
        }
    }

    /** Also hands the console its CSRF token (as the XSRF-TOKEN cookie) after sign-in. */
    @GetMapping("/api/staff/me")
    StaffView me(Authentication authentication, CsrfToken csrf) {
        csrf.getToken();
        return staff.find(authentication.getName()).map(StaffView::of)
                .orElseThrow(() -> new IllegalStateException("signed in as a deleted account"));
    }

    @GetMapping("/api/admin/staff")
    List<StaffView> all() {
        return staff.all().stream().map(StaffView::of).toList();
    }

    @PostMapping("/api/admin/staff")
    @ResponseStatus(HttpStatus.CREATED)
    StaffView create(@RequestBody StaffService.NewStaff request, Authentication authentication) {
        return StaffView.of(staff.create(request, authentication.getName()));
    }
}
