package io.kefu.server.content;

import io.kefu.server.staff.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The {@link Actor} of a request: the account, and whether its roles (with those they include) make it a reviewer. */
@Component
class Actors {

    private final RoleHierarchy roles;

    Actors(RoleHierarchy roles) {
        this.roles = roles;
    }

    Actor of(Authentication authentication, HttpServletRequest request) {
        boolean reviewer = roles.getReachableGrantedAuthorities(authentication.getAuthorities()).stream()
                .anyMatch(a -> Role.REVIEWER.authority().equals(a.getAuthority()));
        return new Actor(authentication.getName(), reviewer, request.getRemoteAddr());
    }
}
