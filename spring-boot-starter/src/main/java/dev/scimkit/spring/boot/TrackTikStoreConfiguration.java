package dev.scimkit.spring.boot;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.jdbc.JdbcStoreOptions;
import dev.scimkit.tracktik.jdbc.JdbcTrackTikStore;
import dev.scimkit.tracktik.port.TrackTikStore;
import dev.scimkit.tracktik.rest.PortalCredentials;
import dev.scimkit.tracktik.rest.RestStoreConfig;
import dev.scimkit.tracktik.rest.RestTrackTikStore;
import dev.scimkit.tracktik.mapping.EmployeeTextField;
import dev.scimkit.tracktik.scim.TrackTikRepositories;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.Map;
import java.util.UUID;

/**
 * The TrackTik stores, when tracktik-adapter is on the class path: {@code scimkit.store.type=jdbc} on
 * the application's DataSource (borrowed: the application closes it), after the application's own
 * database initialization (Flyway, Liquibase, SQL scripts); {@code tracktik-rest} on a portal's API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(TrackTikRepositories.class)
class TrackTikStoreConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(TrackTikStore.class)
    @ConditionalOnProperty(name = "scimkit.store.type", havingValue = "jdbc")
    @ConditionalOnBean(DataSource.class)
    @DependsOnDatabaseInitialization
    TrackTikStore scimTrackTikJdbcStore(DataSource dataSource, ScimkitProperties properties) {
        ScimkitProperties.Jdbc jdbc = properties.getStore().getJdbc();
        JdbcStoreOptions.Builder options = JdbcStoreOptions.builder().migrate(jdbc.isMigrate());
        if (jdbc.getSchema() != null && !jdbc.getSchema().isBlank()) {
            options.schema(jdbc.getSchema().strip());
        }
        return JdbcTrackTikStore.open(dataSource, options.build());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(TrackTikStore.class)
    @ConditionalOnProperty(name = "scimkit.store.type", havingValue = "tracktik-rest")
    TrackTikStore scimTrackTikRestStore(ScimkitProperties properties) {
        ScimkitProperties.Rest rest = properties.getStore().getRest();
        if (rest.getUrl() == null || rest.getUrl().isBlank()) {
            throw new IllegalStateException("scimkit.store.type=tracktik-rest needs scimkit.store.rest.url");
        }
        if (properties.getTenants().size() != 1) {
            throw new IllegalStateException("scimkit.store.type=tracktik-rest serves one portal: configure exactly one"
                    + " tenant under scimkit.tenants (found " + properties.getTenants().size() + ")");
        }
        RestStoreConfig config = (rest.getAccessToken() != null && !rest.getAccessToken().isBlank()
                ? RestStoreConfig.builder(rest.getUrl(), rest.getAccessToken())
                : RestStoreConfig.builder(rest.getUrl(), PortalCredentials.passwordGrant(rest.getClientId(),
                        rest.getClientSecret(), rest.getUsername(), rest.getPassword())))
                .build();
        return RestTrackTikStore.open(TenantId.of(properties.getTenants().keySet().iterator().next()), config);
    }

    @Bean
    @ConditionalOnMissingBean(ScimStore.class)
    @ConditionalOnBean(TrackTikStore.class)
    ScimStore scimTrackTikStore(TrackTikStore store, SchemaRegistry registry, ScimkitProperties properties) {
        TrackTikRepositories.Builder builder = TrackTikRepositories.builder(registry, store);
        properties.getStore().getTracktikFields().forEach((name, attribute) -> builder.fieldFrom(
                EmployeeTextField.byOptionName(name).orElseThrow(() -> new IllegalStateException(
                        "scimkit.store.tracktik-fields: unknown field '" + name + "' (one of "
                                + EmployeeTextField.optionNames() + ")")), attribute));
        TrackTikRepositories repositories;
        try {
            repositories = builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("scimkit.store.tracktik-fields: " + e.getMessage(), e);
        }
        // Types declared in scimkit.schema-dir beside User and Group are kept whole in the same database.
        Map<String, ResourceRepository> byType = repositories.repositories();
        TenantId probeTenant = TenantId.of(properties.getTenants().keySet().stream().findFirst().orElse("health"));
        String probeId = UUID.nameUUIDFromBytes("scimkit health probe".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        return new ScimStore() {
            @Override
            public Map<String, ResourceRepository> repositories() {
                return byType;
            }

            @Override
            public void checkHealth() {
                // One indexed lookup of an id that never exists: the store's database or portal answers or fails.
                store.findEmployee(probeTenant, probeId);
            }
        };
    }
}
