package io.kefu.server.operations;

import io.kefu.server.staff.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may reach the operations endpoints; everything else is in {@code staff/SecurityConfiguration}. The probes are
 * open (a load balancer has no account, and they say only UP or DOWN); the Prometheus metrics need a signed-in
 * administrator or the scraper's key ({@code KEFU_METRICS_TOKEN}, sent as {@code Authorization: Bearer ...});
 * every other actuator endpoint, the OpenAPI description and its UI need a signed-in administrator.
 */
@Configuration(proxyBeanMethods = false)
class OperationsSecurity {

    /** Swagger UI's page sets no inline scripts: this server's own policy holds for it too. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";

    static final String METRICS_ROLE = "METRICS";

    @Bean
    @Order(1)
    SecurityFilterChain actuatorEndpoints(HttpSecurity http, @Value("${kefu.metrics-token:}") String metricsToken)
            throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole(METRICS_ROLE, Role.ADMIN.name())
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .addFilterBefore(new BearerKey(metricsToken, "prometheus", METRICS_ROLE),
                        BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiDescription(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Role.ADMIN.name()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                        new LoginUrlAuthenticationEntryPoint("/login")))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }
}
