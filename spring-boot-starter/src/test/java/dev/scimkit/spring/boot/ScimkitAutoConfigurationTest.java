package dev.scimkit.spring.boot;

import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.ScimResponse;
import dev.scimkit.server.ScimServer;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.server.memory.InMemoryStore;
import dev.scimkit.core.schema.SchemaRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the auto-configuration makes from properties, and how it backs off for the application's own beans. */
class ScimkitAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ScimkitAutoConfiguration.class));

    @Test
    void oneTokenGivesAServletAtTheBasePathOverTheMemoryStore() {
        runner.withPropertyValues("scimkit.base-path=/rest/scim/v2/",
                        "scimkit.tenants.acme.clients[0].name=entra-id",
                        "scimkit.tenants.acme.clients[0].token=secret-token-123")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(ScimServer.class).hasSingleBean(ScimStore.class);
                    ServletRegistrationBean<?> servlet = context.getBean("scimServletRegistration",
                            ServletRegistrationBean.class);
                    assertThat(servlet.getUrlMappings()).containsExactly("/rest/scim/v2/*");
                    assertThat(context.getBean(ScimStore.class).repositories()).containsOnlyKeys("User", "Group");
                });
    }

    @Test
    void noTokenFailsAndSaysWhichPropertyToSet() {
        runner.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("no SCIM token is configured")
                .hasMessageContaining("scimkit.tenants.<tenant>.clients[0].token"));
    }

    @Test
    void theApplicationsOwnStoreAndAuthenticatorReplaceTheStarters() {
        runner.withUserConfiguration(OwnBeans.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ScimStore.class)).isSameAs(context.getBean(OwnBeans.class).store);
            assertThat(context).getBeans(Authenticator.class).containsOnlyKeys("ownAuthenticator");
        });
    }

    @Test
    void aSchemaDirectoryDeclaresExtensionsAndABadFileStopsStartUp(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good");
        Files.createDirectories(good);
        Files.copy(Path.of("..", "examples", "schemas", "custom-extension.json"), good.resolve("custom-extension.json"));
        runner.withPropertyValues("scimkit.tenants.acme.clients[0].token=secret-token-123",
                        "scimkit.schema-dir=" + good)
                .run(context -> assertThat(context.getBean(SchemaRegistry.class).schemas())
                        .anySatisfy(schema -> assertThat(schema.id()).contains("CustomExtensionName")));

        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("broken.json"), "{\"id\":\"urn:example:params:scim:schemas:extension:Broken:2.0:User\","
                + "\"name\":\"Broken\",\"attributes\":[{\"name\":\"badge\",\"type\":\"text\"}]}");
        runner.withPropertyValues("scimkit.tenants.acme.clients[0].token=secret-token-123", "scimkit.schema-dir=" + bad)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("broken.json").hasMessageContaining("badge").hasMessageContaining("text"));
    }

    @Test
    void aDeclaredResourceTypeIsServedByTheMemoryStoreAndRefusedByTheRestStore() {
        String types = Path.of("..", "examples", "resource-types").toAbsolutePath().toString();
        runner.withPropertyValues("scimkit.tenants.acme.clients[0].token=secret-token-123", "scimkit.schema-dir=" + types)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ScimStore.class).repositories()).containsKeys("User", "Group", "Device");
                    ScimResponse created = context.getBean(ScimServer.class).handle(ScimRequest.builder("POST", "/Devices")
                            .header("Authorization", "Bearer secret-token-123")
                            .header("Content-Type", "application/scim+json")
                            .body("{\"schemas\":[\"urn:example:params:scim:schemas:core:2.0:Device\"],"
                                    + "\"serialNumber\":\"SN-1\"}").build());
                    assertThat(created.status()).as(created.bodyText()).isEqualTo(201);
                });

        runner.withPropertyValues("scimkit.tenants.acme.clients[0].token=secret-token-123", "scimkit.schema-dir=" + types,
                        "scimkit.store.type=tracktik-rest", "scimkit.store.rest.url=http://127.0.0.1:9/rest/v1",
                        "scimkit.store.rest.access-token=portal-token-456")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("declares the resource type Device")
                        .hasMessageNotContaining("portal-token-456"));
    }

    @Test
    void employeeFieldsComeFromConfiguredAttributesAndAWrongOneStopsStartUp() {
        String custom = "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User";
        String schemas = Path.of("..", "examples", "schemas").toAbsolutePath().toString();
        WebApplicationContextRunner rest = runner.withPropertyValues(
                "scimkit.tenants.acme.clients[0].token=secret-token-123", "scimkit.schema-dir=" + schemas,
                "scimkit.store.type=tracktik-rest", "scimkit.store.rest.url=http://127.0.0.1:9/rest/v1",
                "scimkit.store.rest.access-token=portal-token-456");

        rest.withPropertyValues("scimkit.store.tracktik-fields.employee-id=" + custom + ":badgeNumber",
                        "scimkit.store.tracktik-fields.job-title=" + custom + ":jobCode")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ScimServer.class));
        rest.withPropertyValues("scimkit.store.tracktik-fields.badge=" + custom + ":badgeNumber")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("unknown field 'badge' (one of employee-id, job-title, department)"));
        rest.withPropertyValues("scimkit.store.tracktik-fields.department=" + custom + ":clearanceLevel")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("The department needs a writable, single-valued string attribute"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        final ScimStore store = ScimStore.of(InMemoryStore.create(SchemaRegistry.standard()).repositories());

        @Bean
        ScimStore ownStore() {
            return store;
        }

        @Bean
        Authenticator ownAuthenticator() {
            return request -> Optional.of(ScimPrincipal.client(TenantId.of("own"), "own-client"));
        }
    }
}
