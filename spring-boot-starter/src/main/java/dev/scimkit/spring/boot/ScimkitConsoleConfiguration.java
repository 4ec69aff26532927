package dev.scimkit.spring.boot;

import dev.scimkit.console.AdminPassword;
import dev.scimkit.console.ConsoleServlet;
import dev.scimkit.console.ConsoleSettings;
import dev.scimkit.console.ConsoleTenant;
import dev.scimkit.console.TokenHint;
import dev.scimkit.server.ScimServer;
import dev.scimkit.server.activity.ActivityLog;
import dev.scimkit.server.activity.ActivityRecorder;
import dev.scimkit.server.activity.ActivityRetention;
import dev.scimkit.server.activity.InMemoryActivityLog;
import dev.scimkit.server.activity.QueuedActivityRecorder;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.jdbc.JdbcActivityLog;
import dev.scimkit.tracktik.port.TrackTikStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provisioning console, when scimkit-console is on the class path, {@code scimkit.console.enabled}
 * is true and a TrackTik store serves SCIM: every SCIM request recorded (in the store's database for
 * the JDBC store in the connection's default schema, otherwise in memory), and the console's servlet
 * at {@code scimkit.console.path}. Each bean backs off for the application's own; with Spring Security,
 * a filter chain lets the console's requests through to its own sign-in (Boot's login and CSRF would
 * otherwise stand in front of a form that has its own).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.scimkit.console.ConsoleServlet")
@ConditionalOnBooleanProperty(name = "scimkit.console.enabled")
@EnableConfigurationProperties(ScimkitConsoleProperties.class)
class ScimkitConsoleConfiguration {

    /** Exchanges waiting to be recorded; beyond this, activity is dropped (and counted), never waited for. */
    private static final int ACTIVITY_QUEUE = 10_000;
    private static final long ACTIVITY_CAP_PER_TENANT = 1_000_000;

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(TrackTikStore.class)
    ActivityLog scimActivityLog(ScimkitConsoleProperties console, ScimkitProperties properties,
                                ObjectProvider<DataSource> dataSource) {
        ActivityRetention retention = new ActivityRetention(Duration.ofDays(console.getActivityRetentionDays()),
                ACTIVITY_CAP_PER_TENANT);
        String schema = properties.getStore().getJdbc().getSchema();
        DataSource db = dataSource.getIfUnique();
        // JdbcActivityLog reads tt_activity in the connection's default schema, where the store's migrations
        // made it only when no schema of its own is configured.
        if (properties.getStore().getType() == ScimkitProperties.StoreType.JDBC && db != null
                && (schema == null || schema.isBlank())) {
            return JdbcActivityLog.open(db, retention);
        }
        return new InMemoryActivityLog(retention);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(ActivityRecorder.class)
    @ConditionalOnBean(TrackTikStore.class)
    QueuedActivityRecorder scimActivityRecorder(ActivityLog log) {
        return QueuedActivityRecorder.start(log, ACTIVITY_QUEUE);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(TrackTikStore.class)
    ConsoleSettings scimConsoleSettings(ActivityLog activity, TrackTikStore trackTik, ScimStore store, ScimServer engine,
                                        ScimkitProperties properties, ScimkitConsoleProperties console) {
        Map<String, List<TokenHint>> hints = tokenHints(properties);
        ConsoleSettings.Builder settings = ConsoleSettings.builder(activity, trackTik, store.repositories().get("User"),
                engine).scimBasePath(properties.normalizedBasePath());
        int index = 0;
        for (ScimkitConsoleProperties.Admin admin : console.getAdmins()) {
            String where = "scimkit.console.admins[" + index++ + "]";
            if (admin.getTenant() == null || !hints.containsKey(admin.getTenant())) {
                throw new IllegalStateException(where + ".tenant must be a tenant of scimkit.tenants, not '"
                        + admin.getTenant() + "'");
            }
            if (admin.getUser() == null || admin.getUser().isBlank() || admin.getPasswordHash() == null) {
                throw new IllegalStateException(where + " needs a user and a password-hash (pbkdf2-sha256$…)");
            }
            AdminPassword password;
            try {
                password = AdminPassword.parse(admin.getPasswordHash().strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ".password-hash: " + e.getMessage());
            }
            settings.tenant(new ConsoleTenant(TenantId.of(admin.getTenant()), admin.getUser().strip(), password,
                    hints.get(admin.getTenant())));
        }
        if (console.getAdmins().isEmpty()) {
            throw new IllegalStateException("scimkit.console.enabled is true but no administrator is configured:"
                    + " set scimkit.console.admins[0].tenant, .user and .password-hash");
        }
        return settings.build();
    }

    /** What the setup page may show of each tenant's tokens: a token's last four characters, a hash's nothing. */
    private static Map<String, List<TokenHint>> tokenHints(ScimkitProperties properties) {
        Map<String, List<TokenHint>> hints = new LinkedHashMap<>();
        properties.getTenants().forEach((tenant, config) -> {
            List<TokenHint> list = new ArrayList<>();
            for (ScimkitProperties.Client client : config.getClients()) {
                String name = client.getName() == null || client.getName().isBlank() ? "client-" + (list.size() + 1)
                        : client.getName();
                list.add(client.getToken() != null && !client.getToken().isBlank()
                        ? TokenHint.of(name, client.getToken()) : new TokenHint(name, ""));
            }
            hints.put(tenant, list);
        });
        return hints;
    }

    @Bean
    @ConditionalOnMissingBean(name = "scimConsoleRegistration")
    @ConditionalOnBean(ConsoleSettings.class)
    ServletRegistrationBean<ConsoleServlet> scimConsoleRegistration(ConsoleSettings settings,
                                                                   ScimkitConsoleProperties console) {
        ServletRegistrationBean<ConsoleServlet> registration =
                new ServletRegistrationBean<>(new ConsoleServlet(settings), console.normalizedPath() + "/*");
        registration.setName("scimkit-console");
        return registration;
    }

    /** With Spring Security: the console's path passes through to the console, which signs people in itself. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({HttpSecurity.class, SecurityFilterChain.class})
    static class ConsoleSecurity {

        @Bean
        @Order(ScimkitSecurityConfiguration.ORDER + 1)
        @ConditionalOnBean(HttpSecurity.class)
        @ConditionalOnMissingBean(name = "scimConsoleSecurityFilterChain")
        SecurityFilterChain scimConsoleSecurityFilterChain(HttpSecurity http, ScimkitConsoleProperties console)
                throws Exception {
            return http
                    .securityMatcher(ScimkitSecurityConfiguration.scimPath(console.normalizedPath()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    // The console's sign-in and sign-out carry its own CSRF tokens; its session is its own cookie.
                    .csrf(AbstractHttpConfigurer::disable)
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(AbstractHttpConfigurer::disable)
                    // The console sends its own Content-Security-Policy, frame and cache headers.
                    .headers(headers -> headers.disable())
                    .build();
        }
    }
}
