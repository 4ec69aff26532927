package dev.scimkit.spring.boot;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * With Spring Security present, a filter chain that matches the SCIM path only and lets its requests
 * through to the servlet, where the library checks the bearer token and answers 401 in SCIM JSON.
 * Without it, Boot's default security would answer Entra ID and Okta with an empty 401 and CSRF would
 * refuse their POSTs.
 *
 * <p>Declaring any {@link SecurityFilterChain} turns off Boot's default chain. This configuration is
 * processed after Boot's security auto-configuration, which has by then registered its default chain
 * (when the application declares none), so the rest of the application stays protected exactly as it
 * was; an application's own chains stay too, after this one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({HttpSecurity.class, SecurityFilterChain.class})
class ScimkitSecurityConfiguration {

    /** Ahead of the application's chains, which often match every request. */
    static final int ORDER = -100;

    @Bean
    @Order(ORDER)
    @ConditionalOnBean(HttpSecurity.class) // web security is on (Boot turns it on with Spring Security present)
    @ConditionalOnMissingBean(name = "scimSecurityFilterChain")
    SecurityFilterChain scimSecurityFilterChain(HttpSecurity http, ScimkitProperties properties) throws Exception {
        return http
                .securityMatcher(scimPath(properties.normalizedBasePath()))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // Bearer tokens, no cookies: nothing for CSRF to protect, no session to keep.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * Requests under the base path, by their URI within the application. Not a pattern string: Spring
     * Security reads those as Spring MVC patterns when MVC is present (Boot 3.5), which never match a
     * request the SCIM servlet serves.
     */
    static RequestMatcher scimPath(String basePath) {
        return request -> {
            String uri = request.getRequestURI();
            String context = request.getContextPath();
            String path = context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
            return path.equals(basePath) || path.startsWith(basePath + "/") || path.startsWith(basePath + ";");
        };
    }
}
