package io.kefu.server.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Signs in a machine (a Prometheus server, the operator's own systems) that sends {@code Authorization: Bearer KEY}
 * with the key this deployment was given in its environment, as {@code principal} with one role. No key configured:
 * nobody gets in this way. A long random key cannot be guessed, so unlike staff passwords it needs no throttle.
 */
public final class BearerKey extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final byte[] key;
    private final String principal;
    private final String role;

    /**
     * @param key       the secret, from the environment; empty or blank turns this way in off
     * @param principal the name the caller is audited under
     * @param role      the role it gets, e.g. {@code METRICS}
     */
    public BearerKey(String key, String principal, String role) {
        this.key = key == null || key.isBlank() ? null : key.strip().getBytes(StandardCharsets.UTF_8);
        this.principal = principal;
        this.role = role;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (key != null && header != null && header.startsWith(PREFIX)) {
            byte[] sent = header.substring(PREFIX.length()).strip().getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(key, sent)) {
                var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                        AuthorityUtils.createAuthorityList("ROLE_" + role));
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication);
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
