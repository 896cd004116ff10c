package io.kefu.server.staff;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Who may reach what. Customers need no account: the chat socket, the widget, the chat pages and {@code /api/ask}
 * are open, and a customer's socket is tied to its own conversation by its visitor token. Everything for staff needs
 * a signed-in session with the right role; whatever is not listed here is refused.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, SignInThrottle throttle, ApiTokens tokens) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || request.getRequestURI().startsWith(request.getContextPath() + "/ws/");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/chat", "/chat.html", "/demo.html", "/widget.js", "/widget.css",
                                "/agent/*.js", "/agent.css", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/ws/chat", "/api/ask").permitAll()
                        // WeChat's callbacks: each request carries WeChat's signature, checked by the endpoint
                        .requestMatchers("/wechat/mp", "/wechat/kf").permitAll()
                        .requestMatchers("/login", "/setup").permitAll()
                        .requestMatchers("/agent", "/agent.html", "/ws/agent").hasRole(Role.AGENT.name())
                        .requestMatchers("/content/*.js", "/content.css").permitAll()
                        .requestMatchers("/content", "/content.html").hasRole(Role.EDITOR.name())
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/content/reviews",
                                "/api/content/reviews/**", "/api/content/releases", "/api/content/releases/*/restore",
                                "/api/content/notices")
                        .hasRole(Role.REVIEWER.name())
                        .requestMatchers("/api/content/**").hasRole(Role.EDITOR.name())
                        .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/webjars/echarts/**").hasRole(Role.AGENT.name())
                        .requestMatchers("/api/analytics/**").hasRole(Role.SUPERVISOR.name())
                        .requestMatchers("/api/staff/**").authenticated()
                        .requestMatchers("/api/tickets", "/api/tickets/**").hasRole(Role.AGENT.name())
                        .requestMatchers("/api/analytics/tickets").hasRole(Role.SUPERVISOR.name())
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login").successHandler(new LandingPage(roleHierarchy()))
                        .failureUrl("/login?error"))
                .logout(logout -> logout.logoutRequestMatcher(pathPattern(org.springframework.http.HttpMethod.POST,
                        "/logout")).logoutSuccessUrl("/login?logout"))
                // the console reads the XSRF-TOKEN cookie and sends it back as a header; the open integration API
                // has no session to protect
                .csrf(csrf -> csrf.spa().ignoringRequestMatchers("/api/ask", "/wechat/mp", "/wechat/kf")
                        // a script with an API token sends no cookies: nothing to forge
                        .ignoringRequestMatchers(ApiTokenFilter::bearerRequest))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                // pages run only this server's scripts and talk only to it, so injected markup could do nothing
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api))
                .addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new ApiTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_SUPERVISOR
                ROLE_SUPERVISOR > ROLE_AGENT
                ROLE_ADMIN > ROLE_EDITOR
                ROLE_ADMIN > ROLE_REVIEWER
                ROLE_REVIEWER > ROLE_EDITOR
                """);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService staffAccounts(StaffStore store) {
        return username -> store.find(username)
                .map(account -> User.withUsername(account.username()).password(account.passwordHash())
                        .disabled(!account.enabled())
                        .roles(account.roles().stream().map(Role::name).toArray(String[]::new)).build())
                .orElseThrow(() -> new UsernameNotFoundException("no such staff account"));
    }
}
