package io.kefu.server.outreach;

import io.kefu.server.operations.BearerKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * {@code /api/outreach} is for the operator's systems only, signed in by their key ({@code KEFU_OUTREACH_KEY} as
 * {@code Authorization: Bearer ...}) on every request. No session, no cookie: nothing a browser holds can call it,
 * so it needs no CSRF token. The templates are edited under {@code /api/admin} (administrators, the console's session).
 */
@Configuration(proxyBeanMethods = false)
class OutreachSecurity {

    static final String ROLE = "OUTREACH";

    @Bean
    @Order(3)
    SecurityFilterChain outreachApi(HttpSecurity http, OutreachSettings settings) throws Exception {
        http.securityMatcher("/api/outreach", "/api/outreach/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(ROLE))
                .addFilterBefore(new BearerKey(settings.key(), "outreach-api", ROLE), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(
                        new org.springframework.security.web.context.RequestAttributeSecurityContextRepository()))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }
}
