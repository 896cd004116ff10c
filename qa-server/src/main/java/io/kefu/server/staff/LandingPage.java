package io.kefu.server.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a staff member lands after signing in, unless they were on their way to a page: agents (and supervisors,
 * administrators) the agent console, content editors and reviewers the content console.
 */
final class LandingPage extends SavedRequestAwareAuthenticationSuccessHandler {

    private final RoleHierarchy roles;

    LandingPage(RoleHierarchy roles) {
        this.roles = roles;
        setDefaultTargetUrl("/agent");
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) {
        Set<String> reachable = roles.getReachableGrantedAuthorities(authentication.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        if (!reachable.contains(Role.AGENT.authority()) && reachable.contains(Role.EDITOR.authority())) return "/content";
        return "/agent";
    }
}
