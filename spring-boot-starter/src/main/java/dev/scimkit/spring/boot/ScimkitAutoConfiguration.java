package dev.scimkit.spring.boot;

import dev.scimkit.core.resource.ValidationOptions;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.CursorSettings;
import dev.scimkit.server.ScimServer;
import dev.scimkit.server.activity.ActivityRecorder;
import dev.scimkit.server.auth.BearerTokenAuthenticator;
import dev.scimkit.server.memory.InMemoryStore;
import dev.scimkit.server.servlet.ScimAccessLogFilter;
import dev.scimkit.server.servlet.ScimContainerErrors;
import dev.scimkit.server.servlet.ScimServlet;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.spi.TenantId;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A SCIM endpoint from {@code scimkit.*} properties: the {@link ScimServlet} at the base path over the
 * configured store, container errors on that path in SCIM JSON, and the access log. With Spring
 * Security, a filter chain for the SCIM path only ({@link ScimkitSecurityConfiguration}); with
 * Micrometer, an observation of every request; with Actuator, the store's health; with scimkit-console and
 * {@code scimkit.console.enabled}, the provisioning console ({@link ScimkitConsoleConfiguration}). Every
 * bean backs off when the application declares its own.
 *
 * <p>Runs after the DataSource, Flyway and security auto-configurations, so that the application's
 * migrations run before the TrackTik store's and Boot's default security stays in place.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ScimkitProperties.class)
@Import({TrackTikStoreConfiguration.class, ScimkitSecurityConfiguration.class, ScimkitObservationConfiguration.class,
        StoreHealthConfiguration.class, ScimkitConsoleConfiguration.class})
public class ScimkitAutoConfiguration {

    /** The SCIM servlet's registration name, for applications that replace it. */
    public static final String SERVLET_NAME = "scimkit";

    @Bean
    @ConditionalOnMissingBean
    SchemaRegistry scimSchemaRegistry(ScimkitProperties properties) {
        // scimkit.schema-dir: extension schemas as data; a bad file fails start-up with file, attribute and reason.
        return properties.getSchemaDir() == null ? SchemaRegistry.standard()
                : SchemaRegistry.standard().toBuilder().addSchemaDirectory(properties.getSchemaDir()).build();
    }

    @Bean
    @ConditionalOnMissingBean(Authenticator.class)
    BearerTokenAuthenticator scimAuthenticator(ScimkitProperties properties) {
        return Tokens.authenticator(properties);
    }

    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean(ScimStore.class)
    @ConditionalOnProperty(name = "scimkit.store.type", havingValue = "memory", matchIfMissing = true)
    ScimStore scimMemoryStore(SchemaRegistry registry) {
        return ScimStore.of(InMemoryStore.create(registry).repositories());
    }

    @Bean
    @ConditionalOnMissingBean
    ScimServer scimServer(SchemaRegistry registry, Authenticator authenticator, ScimStore store,
                          ScimkitProperties properties, ObjectProvider<ActivityRecorder> activity) {
        ScimServer.Builder builder = ScimServer.builder(registry)
                // Recorded for the provisioning console (ScimkitConsoleConfiguration) or the application's own recorder.
                .activity(activity.getIfUnique(() -> ActivityRecorder.NONE))
                .repositories(store.repositories())
                .authenticator(authenticator)
                .validation(ValidationOptions.lenient().withUndeclaredExtensions(properties.getUndeclaredExtensions()))
                // Instances with the same tokens (behind a load balancer, or after a restart) accept each other's cursors.
                .cursors(CursorSettings.withKeyDerivedFrom(Tokens.secrets(properties)));
        if (properties.getSchemaDir() != null) {
            refuseUnservedTypes(builder.unservedResourceTypes());
        }
        return builder.build();
    }

    /**
     * A resource type declared in {@code scimkit.schema-dir} that the store does not serve would vanish
     * from discovery and answer 404: fail the start instead, naming it.
     */
    private static void refuseUnservedTypes(List<String> unserved) {
        if (!unserved.isEmpty()) {
            throw new IllegalStateException("scimkit.schema-dir declares the resource type " + String.join(", ", unserved)
                    + ", which the configured store does not serve (the TrackTik REST store keeps Users and Groups"
                    + " only); use scimkit.store.type=memory or jdbc, or a ScimStore bean of your own that serves it");
        }
    }

    @Bean
    @ConditionalOnMissingBean(name = "scimServletRegistration")
    ServletRegistrationBean<ScimServlet> scimServletRegistration(ScimServer server, ScimkitProperties properties) {
        ServletRegistrationBean<ScimServlet> registration =
                new ServletRegistrationBean<>(new ScimServlet(server), properties.normalizedBasePath() + "/*");
        registration.setName(SERVLET_NAME);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(name = "scimContainerErrorsRegistration")
    FilterRegistrationBean<ScimContainerErrors> scimContainerErrorsRegistration(ScimkitProperties properties) {
        FilterRegistrationBean<ScimContainerErrors> registration =
                new FilterRegistrationBean<>(new ScimContainerErrors(properties.normalizedBasePath()));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        // Ahead of the application's filters on the error dispatch, which then never sees a SCIM error.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(name = "scimAccessLogRegistration")
    @ConditionalOnBooleanProperty(name = "scimkit.access-log", matchIfMissing = true)
    FilterRegistrationBean<ScimAccessLogFilter> scimAccessLogRegistration(Authenticator authenticator,
                                                                         ScimkitProperties properties) {
        FilterRegistrationBean<ScimAccessLogFilter> registration =
                new FilterRegistrationBean<>(new ScimAccessLogFilter(authenticator));
        registration.addUrlPatterns(properties.normalizedBasePath() + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Turns the tenants and clients of the properties into the bearer-token authenticator. */
    static final class Tokens {
        private Tokens() {
        }

        static BearerTokenAuthenticator authenticator(ScimkitProperties properties) {
            BearerTokenAuthenticator.Builder builder = BearerTokenAuthenticator.builder();
            int count = 0;
            for (Map.Entry<String, ScimkitProperties.Tenant> tenant : properties.getTenants().entrySet()) {
                int index = 0;
                for (ScimkitProperties.Client client : tenant.getValue().getClients()) {
                    String where = "scimkit.tenants." + tenant.getKey() + ".clients[" + index++ + "]";
                    String name = client.getName() == null || client.getName().isBlank()
                            ? "client-" + index : client.getName();
                    if (client.getToken() != null && !client.getToken().isBlank()) {
                        builder.addToken(TenantId.of(tenant.getKey()), name, client.getToken());
                    } else if (client.getTokenSha256() != null && !client.getTokenSha256().isBlank()) {
                        builder.addTokenHash(TenantId.of(tenant.getKey()), name, client.getTokenSha256());
                    } else {
                        throw new IllegalStateException(where + " has neither a token nor a token-sha256: set "
                                + where + ".token (for example from an environment variable)");
                    }
                    count++;
                }
            }
            if (count == 0) {
                throw new IllegalStateException("scimkit: no SCIM token is configured, so no identity provider could"
                        + " call the endpoint. Set scimkit.tenants.<tenant>.clients[0].name and"
                        + " scimkit.tenants.<tenant>.clients[0].token (or token-sha256), or declare an Authenticator bean.");
            }
            return builder.build();
        }

        /** One line per configured credential, for the cursor key; never logged. */
        static List<String> secrets(ScimkitProperties properties) {
            List<String> lines = new ArrayList<>();
            properties.getTenants().forEach((tenant, config) -> config.getClients().forEach(client -> lines.add(
                    tenant + "\0" + client.getName() + "\0" + client.getToken() + "\0" + client.getTokenSha256())));
            return lines;
        }
    }
}
