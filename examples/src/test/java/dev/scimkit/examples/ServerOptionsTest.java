package dev.scimkit.examples;

import dev.scimkit.core.resource.UndeclaredExtensionPolicy;
import dev.scimkit.tracktik.rest.PortalCredentials;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerOptionsTest {

    @Test
    void defaultsServeTheTrackTikTenantUrlShapeOnTheEmbeddedStore() {
        ServerOptions o = ServerOptions.parse(new String[]{"--token", "s3cret"}, Map.of());
        assertThat(o.port()).isEqualTo(8080);
        assertThat(o.basePath()).isEqualTo("/rest/scim/v2");
        assertThat(o.dataDir()).isEqualTo(Path.of("data"));
        assertThat(o.store().kind()).isEqualTo(ServerOptions.StoreKind.H2);
        assertThat(o.tenants()).containsExactly(Map.entry(ServerOptions.DEFAULT_TENANT,
                List.of(new ServerOptions.Credential(ServerOptions.DEFAULT_CLIENT, "s3cret"))));
    }

    @Test
    void readsEveryOptionInBothSpellings() {
        ServerOptions o = ServerOptions.parse(new String[]{"--port=9090", "--base-path", "scim/", "--tenant",
                "acme=s3cr3t-one", "--tenant=acme/okta-prod=s3cr3t-two", "--tenant", "globex=s3cr3t-three", "--data-dir", "/tmp/x",
                "--store", "postgres:jdbc:postgresql://localhost/scim"}, Map.of());
        assertThat(o.port()).isEqualTo(9090);
        assertThat(o.basePath()).isEqualTo("/scim");
        assertThat(o.tenants())
                .containsEntry("acme", List.of(new ServerOptions.Credential("scim-provisioning", "s3cr3t-one"),
                        new ServerOptions.Credential("okta-prod", "s3cr3t-two")))
                .containsEntry("globex", List.of(new ServerOptions.Credential("scim-provisioning", "s3cr3t-three")));
        assertThat(o.toString()).doesNotContain("s3cr3t");
        assertThat(o.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(o.store().kind()).isEqualTo(ServerOptions.StoreKind.POSTGRES);
        assertThat(o.store().jdbcUrl()).contains("jdbc:postgresql://localhost/scim");
    }

    @Test
    void schemaDirAndUndeclaredExtensionsComeFromOptionsOrTheEnvironment() {
        ServerOptions defaults = ServerOptions.parse(new String[]{"--token", "t"}, Map.of());
        assertThat(defaults.schemaDir()).isEmpty();
        assertThat(defaults.undeclaredExtensions()).isEqualTo(UndeclaredExtensionPolicy.REJECT);

        ServerOptions fromEnv = ServerOptions.parse(new String[]{"--token", "t"},
                Map.of("SCIMKIT_SCHEMA_DIR", "/etc/scim", "SCIMKIT_UNDECLARED_EXTENSIONS", "KEEP"));
        assertThat(fromEnv.schemaDir()).contains(Path.of("/etc/scim"));
        assertThat(fromEnv.undeclaredExtensions()).isEqualTo(UndeclaredExtensionPolicy.KEEP);

        ServerOptions o = ServerOptions.parse(new String[]{"--token", "t", "--schema-dir=schemas",
                "--undeclared-extensions", "reject"}, Map.of("SCIMKIT_UNDECLARED_EXTENSIONS", "keep"));
        assertThat(o.schemaDir()).contains(Path.of("schemas"));
        assertThat(o.undeclaredExtensions()).isEqualTo(UndeclaredExtensionPolicy.REJECT);

        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--token", "t", "--undeclared-extensions", "drop"},
                Map.of())).isInstanceOf(ServerOptions.InvalidOptionsException.class)
                .hasMessage("--undeclared-extensions must be reject or keep, not 'drop'");
    }

    @Test
    void environmentVariablesAreDefaultsThatOptionsOverride() {
        Map<String, String> env = Map.of("SCIMKIT_PORT", "7000", "SCIMKIT_TENANTS", "a=x, b=y",
                "SCIMKIT_STORE", "memory");
        ServerOptions fromEnv = ServerOptions.parse(new String[0], env);
        assertThat(fromEnv.port()).isEqualTo(7000);
        assertThat(fromEnv.tenants()).containsOnlyKeys("a", "b");
        assertThat(fromEnv.store().kind()).isEqualTo(ServerOptions.StoreKind.MEMORY);

        assertThat(ServerOptions.parse(new String[]{"--port", "7100"}, env).port()).isEqualTo(7100);
    }

    @Test
    void trackTikUrlAndTokenSelectTheRestStoreTogether() {
        ServerOptions o = ServerOptions.parse(new String[]{"--token", "t", "--tracktik-url",
                "https://svc:url-pa55@portal.example/rest", "--tracktik-token", "api-t0ken"}, Map.of());
        assertThat(o.store().kind()).isEqualTo(ServerOptions.StoreKind.TRACKTIK);
        assertThat(o.toString()).contains("https://…@portal.example/rest").doesNotContain("api-t0ken", "url-pa55");
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--token", "t", "--tracktik-url", "https://p"}, Map.of()))
                .hasMessageContaining("--tracktik-url needs the service account");
    }

    @Test
    void theServiceAccountSignsInWithAllFourPartsFromTheEnvironmentAndNoneIsPrinted() {
        Map<String, String> env = Map.of("SCIMKIT_TRACKTIK_CLIENT_ID", "scim-client", "SCIMKIT_TRACKTIK_CLIENT_SECRET",
                "cl13nt-s3cret", "SCIMKIT_TRACKTIK_USERNAME", "svc-scim", "SCIMKIT_TRACKTIK_PASSWORD", "pa55-w0rd");
        ServerOptions o = ServerOptions.parse(new String[]{"--token", "t", "--tracktik-url",
                "https://portal.example/rest/v1"}, env);
        assertThat(o.store().kind()).isEqualTo(ServerOptions.StoreKind.TRACKTIK);
        assertThat(o.trackTikCredentials()).containsInstanceOf(PortalCredentials.PasswordGrant.class);
        assertThat(o.toString()).doesNotContain("scim-client", "cl13nt-s3cret", "svc-scim", "pa55-w0rd");

        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--token", "t", "--tracktik-url",
                "https://portal.example/rest/v1", "--tracktik-client-id", "c", "--tracktik-password", "pa55-w0rd"}, Map.of()))
                .hasMessageContaining("missing --tracktik-client-secret, --tracktik-username")
                .hasMessageNotContaining("pa55-w0rd");
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--token", "t", "--tracktik-url",
                "https://portal.example/rest/v1", "--tracktik-token", "api-t0ken"}, env))
                .hasMessageContaining("either --tracktik-token or the service account");
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--token", "t"}, env))
                .hasMessageContaining("without --tracktik-url");
    }

    @Test
    void aUrlIsLoggedWithoutItsUserPart() {
        assertThat(ServerOptions.withoutUserInfo("https://u:p@ss@host/rest")).isEqualTo("https://…@host/rest");
        assertThat(ServerOptions.withoutUserInfo("u:p@host/rest")).isEqualTo("…@host/rest");
        assertThat(ServerOptions.withoutUserInfo("http://u@h")).isEqualTo("http://…@h");
        assertThat(ServerOptions.withoutUserInfo("https://host/path@x")).isEqualTo("https://host/path@x");
        assertThat(ServerOptions.withoutUserInfo("https://host?x=a@b")).isEqualTo("https://host?x=a@b");
        assertThat(ServerOptions.withoutUserInfo("https://portal.example/rest")).isEqualTo("https://portal.example/rest");
    }

    @Test
    void badOptionsSayWhatIsWrongWithoutEchoingSecrets() {
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--token", "t", "--bogus"}, Map.of()))
                .isInstanceOf(ServerOptions.InvalidOptionsException.class).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--token", "t", "--port", "http"}, Map.of()))
                .hasMessageContaining("port number");
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--token"}, Map.of()))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> ServerOptions.parse(new String[0], Map.of()))
                .hasMessageContaining("No token");
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--token", "t", "--store", "mysql"}, Map.of()))
                .hasMessageContaining("h2, memory or postgres");
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--tenant", "topsecretvalue"}, Map.of()))
                .hasMessageNotContaining("topsecretvalue");
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--tenant", "acme/entra prod=topsecretvalue"}, Map.of()))
                .hasMessageContaining("client names").hasMessageNotContaining("topsecretvalue");
    }

    @Test
    void theTrackTikRolePolicyComesFromOptionsOrTheEnvironment() {
        assertThat(ServerOptions.parse(new String[]{"--token", "t"}, Map.of()).trackTikRoles())
                .isEqualTo(TrackTikRoleOptions.defaults());
        ServerOptions fromEnv = ServerOptions.parse(new String[]{"--token", "t"},
                Map.of("SCIMKIT_TRACKTIK_ROLE_PRIORITY", "Supervisor, ,Dispatcher", "SCIMKIT_TRACKTIK_DEFAULT_ROLE", "Guard"));
        assertThat(fromEnv.trackTikRoles().priority()).containsExactly("Supervisor", "Dispatcher");
        assertThat(fromEnv.trackTikRoles().defaultRole()).contains("Guard");
        ServerOptions o = ServerOptions.parse(new String[]{"--token", "t", "--tracktik-role-priority=Lead",
                "--tracktik-default-role", "Visitor"}, Map.of("SCIMKIT_TRACKTIK_DEFAULT_ROLE", "Guard"));
        assertThat(o.trackTikRoles().priority()).containsExactly("Lead");
        assertThat(o.trackTikRoles().defaultRole()).contains("Visitor");
        assertThat(o.toString()).contains("priority=[Lead]", "default=Visitor");
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--token", "t", "--tracktik-default-role"}, Map.of()))
                .hasMessageContaining("--tracktik-default-role");
    }

    @Test
    void helpNeedsNoToken() {
        assertThat(ServerOptions.parse(new String[]{"--help"}, Map.of()).help()).isTrue();
    }
}
