package io.kefu.server.staff;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** Writes sign-ins, failed sign-ins and sign-outs to the audit log. */
@Component
class SecurityAudit {

    private final AuditLog audit;

    SecurityAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        audit.record(event.getAuthentication().getName(), "sign_in", null, null,
                SignInThrottle.address(event.getAuthentication().getDetails()));
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        audit.record(String.valueOf(event.getAuthentication().getName()), "sign_in_failed", null,
                event.getException().getClass().getSimpleName(),
                SignInThrottle.address(event.getAuthentication().getDetails()));
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        audit.record(event.getAuthentication().getName(), "sign_out", null, null,
                SignInThrottle.address(event.getAuthentication().getDetails()));
    }
}
