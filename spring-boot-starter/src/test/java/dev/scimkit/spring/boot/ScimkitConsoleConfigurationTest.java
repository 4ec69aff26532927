package dev.scimkit.spring.boot;

import dev.scimkit.console.AdminPassword;
import dev.scimkit.console.ConsoleServlet;
import dev.scimkit.console.ConsoleSettings;
import dev.scimkit.server.activity.ActivityLog;
import dev.scimkit.server.activity.ActivityRecorder;
import dev.scimkit.server.activity.ActivityRetention;
import dev.scimkit.server.activity.InMemoryActivityLog;
import dev.scimkit.server.activity.QueuedActivityRecorder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the console is wired: scimkit-console on the class path, {@code scimkit.console.enabled} and a
 * TrackTik store (here the REST store, which reaches its portal only when asked). The pages over HTTP
 * are the sample application's test ({@code ConsoleInTheSampleTest}).
 */
class ScimkitConsoleConfigurationTest {

    private static final String HASH = AdminPassword.hash("console-password-for-tests").text();

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ScimkitAutoConfiguration.class))
            .withPropertyValues("scimkit.tenants.acme.clients[0].name=entra-id",
                    "scimkit.tenants.acme.clients[0].token=secret-token-123",
                    "scimkit.store.type=tracktik-rest",
                    "scimkit.store.rest.url=http://127.0.0.1:9/rest/v1",
                    "scimkit.store.rest.access-token=portal-token");

    private WebApplicationContextRunner enabled() {
        return runner.withPropertyValues("scimkit.console.enabled=true", "scimkit.console.path=/admin/console/",
                "scimkit.console.admins[0].tenant=acme", "scimkit.console.admins[0].user=ann",
                "scimkit.console.admins[0].password-hash=" + HASH);
    }

    @Test
    void enabledItServesTheConsoleAndRecordsEveryScimRequest() {
        enabled().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ConsoleSettings.class);
            ServletRegistrationBean<?> console = context.getBean("scimConsoleRegistration", ServletRegistrationBean.class);
            assertThat(console.getServlet()).isInstanceOf(ConsoleServlet.class);
            assertThat(console.getUrlMappings()).containsExactly("/admin/console/*");
            assertThat(context.getBean(ActivityRecorder.class)).isInstanceOf(QueuedActivityRecorder.class);
            // The REST store has no database of its own for the activity.
            assertThat(context.getBean(ActivityLog.class)).isInstanceOf(InMemoryActivityLog.class);
        });
    }

    @Test
    void offUnlessEnabled() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(ConsoleSettings.class)
                    .doesNotHaveBean(ActivityRecorder.class).doesNotHaveBean("scimConsoleRegistration");
        });
    }

    @Test
    void offWithoutScimkitConsoleOnTheClassPath() {
        enabled().withClassLoader(new FilteredClassLoader(ConsoleServlet.class)).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean("scimConsoleRegistration")
                    .doesNotHaveBean(ActivityRecorder.class);
        });
    }

    @Test
    void theApplicationsOwnActivityLogAndSettingsAreUsed() {
        enabled().withUserConfiguration(OwnActivityLog.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBeans(ActivityLog.class).containsOnlyKeys("ownActivityLog");
            assertThat(context.getBean(ConsoleSettings.class)).isNotNull();
        });
        enabled().withUserConfiguration(OwnActivityLog.class, OwnSettings.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBeans(ConsoleSettings.class).containsOnlyKeys("ownSettings");
        });
    }

    @Test
    void anAdministratorOfAnUnknownTenantOrWithoutAHashStopsStartUp() {
        enabled().withPropertyValues("scimkit.console.admins[0].tenant=globex").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("scimkit.console.admins[0].tenant")
                .hasMessageContaining("globex"));
        enabled().withPropertyValues("scimkit.console.admins[0].password-hash=plain-password").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("scimkit.console.admins[0].password-hash")
                .message().doesNotContain("plain-password"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnActivityLog {
        @Bean
        ActivityLog ownActivityLog() {
            return new InMemoryActivityLog(ActivityRetention.DEFAULT);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSettings {
        @Bean
        ConsoleSettings ownSettings(ActivityLog log, dev.scimkit.tracktik.port.TrackTikStore store, ScimStore scim,
                                    dev.scimkit.server.ScimServer engine) {
            return ConsoleSettings.builder(log, store, scim.repositories().get("User"), engine).build();
        }
    }
}
