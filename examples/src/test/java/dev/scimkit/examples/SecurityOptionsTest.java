package dev.scimkit.examples;

import dev.scimkit.server.limits.RateLimit;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityOptionsTest {

    private static ServerOptions parse(Map<String, String> env, String... args) {
        return ServerOptions.parse(args, env);
    }

    @Test
    void withoutSecurityOptionsThereIsPlainHttpNoLimitAndTheGuardAtFive() {
        SecurityOptions s = parse(Map.of(), "--token", "t").security();
        assertThat(s.tls()).isEmpty();
        assertThat(s.jwt()).isEmpty();
        assertThat(s.tokensFile()).isEmpty();
        assertThat(s.tenantRate()).isEmpty();
        assertThat(s.maxAuthFailures()).isEqualTo(OptionalInt.of(5));
        assertThat(SecurityOptions.defaults()).isEqualTo(s);
    }

    @Test
    void aTokenFileOrAnIssuerIsEnoughWithoutStaticTokens() {
        assertThat(parse(Map.of(), "--tokens-file", "tokens.json").security().tokensFile()).contains(Path.of("tokens.json"));
        ServerOptions jwt = parse(Map.of("SCIMKIT_JWT_ISSUER", "https://idp/oauth2/default",
                "SCIMKIT_JWT_JWKS_URL", "https://idp/oauth2/default/v1/keys", "SCIMKIT_JWT_AUDIENCE", "api://scim"),
                "--jwt-tenant-claim", "portal");
        assertThat(jwt.security().jwt()).hasValueSatisfying(j -> {
            assertThat(j.issuer()).isEqualTo("https://idp/oauth2/default");
            assertThat(j.tenantClaim()).contains("portal");
            assertThat(j.tenant()).isEmpty();
        });
    }

    @Test
    void limitsAndTlsFromOptionsAndEnvironment() {
        ServerOptions o = parse(Map.of("SCIMKIT_RATE_LIMIT", "600/min", "SCIMKIT_TLS_KEYSTORE_PASSWORD", "p12-secret"),
                "--token", "t", "--token-rate-limit", "5/s,burst=10", "--max-auth-failures", "off",
                "--tls-keystore", "server.p12", "--hsts-max-age", "0");
        SecurityOptions s = o.security();
        assertThat(s.tenantRate()).contains(RateLimit.perMinute(600));
        assertThat(s.tokenRate()).contains(RateLimit.perSecond(5).withBurst(10));
        assertThat(s.maxAuthFailures()).isEmpty();
        assertThat(s.tls()).hasValueSatisfying(tls -> {
            assertThat(tls.keystore()).contains(Path.of("server.p12"));
            assertThat(tls.keystorePassword()).contains("p12-secret");
            assertThat(tls.hstsMaxAge()).isEqualTo(Duration.ZERO);
            assertThat(tls.reloadCheck()).isEqualTo(Duration.ofSeconds(60));
        });
        assertThat(o.toString()).doesNotContain("p12-secret").contains("server.p12");
    }

    @Test
    void incompleteOrContradictoryOptionsAreRefusedWithWhatToChange() {
        assertThatThrownBy(() -> parse(Map.of(), "--token", "t", "--tls-cert", "fullchain.pem"))
                .isInstanceOf(ServerOptions.InvalidOptionsException.class).hasMessageContaining("--tls-key");
        assertThatThrownBy(() -> parse(Map.of(), "--token", "t", "--tls-cert", "c", "--tls-key", "k", "--tls-keystore", "p"))
                .isInstanceOf(ServerOptions.InvalidOptionsException.class).hasMessageContaining("--tls-keystore");
        assertThatThrownBy(() -> parse(Map.of(), "--token", "t", "--jwt-issuer", "https://idp"))
                .isInstanceOf(ServerOptions.InvalidOptionsException.class).hasMessageContaining("--jwt-jwks-url");
        assertThatThrownBy(() -> parse(Map.of(), "--token", "t", "--jwt-issuer", "https://idp", "--jwt-jwks-url",
                "https://idp/keys", "--jwt-audience", "a"))
                .isInstanceOf(ServerOptions.InvalidOptionsException.class).hasMessageContaining("--jwt-tenant-claim");
        assertThatThrownBy(() -> parse(Map.of("SCIMKIT_RATE_LIMIT", "lots"), "--token", "t"))
                .isInstanceOf(ServerOptions.InvalidOptionsException.class).hasMessageContaining("SCIMKIT_RATE_LIMIT");
        assertThatThrownBy(() -> parse(Map.of(), "--token", "t", "--max-auth-failures", "0"))
                .isInstanceOf(ServerOptions.InvalidOptionsException.class).hasMessageContaining("off");
        assertThatThrownBy(() -> parse(Map.of(), "--token", "t", "--tls-keystore", "p", "--tls-reload-check", "0"))
                .isInstanceOf(ServerOptions.InvalidOptionsException.class).hasMessageContaining("--tls-reload-check");
    }

    @Test
    void everyOptionIsInTheHelpWithItsVariable() {
        for (String option : SecurityOptions.OPTIONS) {
            assertThat(ServerOptions.USAGE).as(option).contains(option);
        }
        assertThat(ServerOptions.USAGE).contains("SCIMKIT_TOKENS_FILE").contains("SCIMKIT_JWT_ISSUER")
                .contains("SCIMKIT_TLS_CERT").contains("SCIMKIT_RATE_LIMIT");
    }
}
