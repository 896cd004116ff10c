package io.kefu.server.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * {@code Authorization: Bearer <token>} on the automation APIs (content, tickets, analytics): the request acts
 * with the token's account and roles, for this request only (nothing goes into a session). A wrong or revoked token
 * is a 401; elsewhere the header is ignored.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    /** The APIs a token opens. */
    static final List<String> PATHS = List.of("/api/content/", "/api/tickets/", "/api/analytics/");

    private final ApiTokens tokens;

    ApiTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** Whether the request carries a bearer token for an API a token opens (such requests need no CSRF token). */
    static boolean bearerRequest(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return PATHS.stream().anyMatch(p -> path.startsWith(p) || path.equals(p.substring(0, p.length() - 1)));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!bearerRequest(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = request.getHeader("Authorization").substring(7).strip();
        var account = tokens.accountOf(token);
        if (account.isEmpty()) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"API 令牌无效或已撤销。\"}");
            return;
        }
        var authorities = account.get().roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account.get().username(), null,
                authorities));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
