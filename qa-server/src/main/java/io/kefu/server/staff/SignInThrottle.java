package io.kefu.server.staff;

import io.kefu.server.system.KefuProperties;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after too many failed sign-ins for one user name or from one address within the
 * window, further tries are refused until the window has passed. Counts are per node (a guesser spread over nodes
 * gets the limit once per node).
 */
@Component
class SignInThrottle {

    /** The sign-in form's field (Spring Security's default, which {@link SecurityConfiguration} keeps). */
    private static final String USERNAME = "username";

    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Clock clock;
    private final AuditLog audit;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private static final int MAX_KEYS = 10_000;

    SignInThrottle(KefuProperties properties, AuditLog audit) {
        this.maxFailures = properties.signIn().maxFailures();
        this.maxFailuresPerAddress = properties.signIn().maxFailuresPerAddress();
        this.window = properties.signIn().window();
        this.clock = Clock.systemUTC();
        this.audit = audit;
    }

    boolean blocked(String username, String address) {
        return recent("user:" + username) >= maxFailures || recent("addr:" + address) >= maxFailuresPerAddress;
    }

    void failed(String username, String address) {
        // every user name a guesser tries is a key: forget the ones whose failures have all expired
        if (failures.size() > MAX_KEYS) failures.keySet().removeIf(key -> recent(key) == 0);
        long now = clock.millis();
        for (String key : new String[]{"user:" + username, "addr:" + address}) {
            Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
                while (times.size() > Math.max(maxFailures, maxFailuresPerAddress)) times.removeFirst();
            }
        }
    }

    void succeeded(String username) {
        failures.remove("user:" + username);
    }

    private int recent(String key) {
        Deque<Long> times = failures.get(key);
        if (times == null) return 0;
        long since = clock.millis() - window.toMillis();
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() < since) times.removeFirst();
            return times.size();
        }
    }

    /**
     * Refuses a sign-in attempt while its user name or address is blocked; otherwise passes it on with the user name
     * read once ({@link SignInName}), so that authentication, and the failure or success it reports, is about the
     * very name that was checked here.
     */
    Filter filter() {
        return (request, response, chain) -> {
            var http = (HttpServletRequest) request;
            if (!"POST".equals(http.getMethod()) || !"/login".equals(http.getServletPath())) {
                chain.doFilter(request, response);
                return;
            }
            String username = SignInName.of(http.getParameter(USERNAME));
            if (blocked(username, http.getRemoteAddr())) {
                audit.record(username, "sign_in_blocked", null, null, http.getRemoteAddr());
                ((HttpServletResponse) response).sendRedirect(http.getContextPath() + "/login?blocked");
                return;
            }
            chain.doFilter(new HttpServletRequestWrapper(http) {
                @Override
                public String getParameter(String name) {
                    return USERNAME.equals(name) ? username : super.getParameter(name);
                }
            }, response);
        };
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        String address = address(event.getAuthentication().getDetails());
        failed(username, address);
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName());
    }

    static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
