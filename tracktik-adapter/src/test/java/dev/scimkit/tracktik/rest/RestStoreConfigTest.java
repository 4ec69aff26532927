package dev.scimkit.tracktik.rest;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an operator configuring a portal meets: the URL and credential checks (which never echo a
 * secret), the bounds of every option and the token endpoint derived from the API root.
 */
class RestStoreConfigTest {

    private static final String TOKEN = "tt-token-0123456789";
    private static final URI API = URI.create("https://acme.staffr.us/rest/v1");

    @Test
    void theApiRootLosesItsTrailingSlashAndTheTokenEndpointIsThePortals() {
        RestStoreConfig config = RestStoreConfig.builder("  https://acme.staffr.us/rest/v1/ ", TOKEN).build();
        assertThat(config.baseUrl()).isEqualTo(API);
        assertThat(config.tokenUrl()).isEqualTo(URI.create("https://acme.staffr.us/rest/oauth2/access_token"));
        assertThat(RestStoreConfig.builder(API, TOKEN).build().baseUrl()).isEqualTo(API);
        assertThat(RestStoreConfig.builder("http://127.0.0.1:8080/rest/v1", TOKEN).build().tokenUrl())
                .isEqualTo(URI.create("http://127.0.0.1:8080/rest/oauth2/access_token"));

        URI elsewhere = URI.create("https://login.example.com/oauth/token");
        assertThat(RestStoreConfig.builder(API, TOKEN).tokenUrl(elsewhere).build().tokenUrl()).isEqualTo(elsewhere);
    }

    @Test
    void anApiUrlThatIsNotAPlainHttpUrlIsRefusedWithoutEchoingIt() {
        for (String bad : new String[] {"acme.staffr.us/rest/v1", "ftp://acme.staffr.us/rest/v1", "file:///rest/v1",
                "HTTPS:/rest/v1"}) {
            assertThatThrownBy(() -> RestStoreConfig.builder(bad, TOKEN)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("absolute http(s) URL");
        }
        assertThat(RestStoreConfig.builder("HTTPS://acme.staffr.us/rest/v1", TOKEN).build().baseUrl().getHost())
                .as("the scheme's case does not matter").isEqualTo("acme.staffr.us");
        for (String bad : new String[] {"https://svc:hunter2@acme.staffr.us/rest/v1",
                "https://acme.staffr.us/rest/v1?token=hunter2", "https://acme.staffr.us/rest/v1#hunter2"}) {
            assertThatThrownBy(() -> RestStoreConfig.builder(bad, TOKEN)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must not carry credentials")
                    .hasMessageNotContaining("hunter2");
        }
        for (String bad : new String[] {"/oauth/token", "https://svc:hunter2@login.example.com/token"}) {
            assertThatThrownBy(() -> RestStoreConfig.builder(API, TOKEN).tokenUrl(URI.create(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("hunter2");
        }
        assertThatThrownBy(() -> RestStoreConfig.builder(URI.create("mailto:ops@example.com"), TOKEN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyOptionHasItsBoundsAndTheValuesInsideThemAreKept() {
        RestStoreConfig low = RestStoreConfig.builder(API, TOKEN).maxAttempts(1).pageSize(1)
                .baseBackoff(Duration.ofMillis(7)).maxBackoff(Duration.ofMillis(7)).build();
        assertThat(low.maxAttempts()).isEqualTo(1);
        assertThat(low.pageSize()).isEqualTo(1);
        assertThat(low.baseBackoff()).isEqualTo(low.maxBackoff()).isEqualTo(Duration.ofMillis(7));

        RestStoreConfig high = RestStoreConfig.builder(API, TOKEN).maxAttempts(20)
                .pageSize(RestStoreConfig.MAX_PAGE_SIZE).build();
        assertThat(high.maxAttempts()).isEqualTo(20);
        assertThat(high.pageSize()).isEqualTo(1000);

        RestStoreConfig.Builder b = RestStoreConfig.builder(API, TOKEN);
        assertThatThrownBy(() -> b.maxAttempts(0)).hasMessageContaining("between 1 and 20");
        assertThatThrownBy(() -> b.maxAttempts(21)).hasMessageContaining("between 1 and 20");
        assertThatThrownBy(() -> b.pageSize(0)).hasMessageContaining("between 1 and 1000");
        assertThatThrownBy(() -> b.pageSize(1001)).hasMessageContaining("between 1 and 1000");
        assertThatThrownBy(() -> RestStoreConfig.builder(API, TOKEN).baseBackoff(Duration.ofMillis(8))
                .maxBackoff(Duration.ofMillis(7)).build()).hasMessageContaining("maxBackoff");

        RestStoreConfig timed = RestStoreConfig.builder(API, TOKEN).renewBefore(Duration.ofSeconds(11))
                .rejectedCredentialsPause(Duration.ofMinutes(12)).connectTimeout(Duration.ofMillis(13))
                .requestTimeout(Duration.ofMillis(14)).maxRetryAfter(Duration.ofSeconds(15)).build();
        assertThat(timed.renewBefore()).isEqualTo(Duration.ofSeconds(11));
        assertThat(timed.rejectedCredentialsPause()).isEqualTo(Duration.ofMinutes(12));
        assertThat(timed.connectTimeout()).isEqualTo(Duration.ofMillis(13));
        assertThat(timed.requestTimeout()).isEqualTo(Duration.ofMillis(14));
        assertThat(timed.maxRetryAfter()).isEqualTo(Duration.ofSeconds(15));
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(-1)}) {
            assertThatThrownBy(() -> b.renewBefore(bad)).hasMessageContaining("renewBefore must be positive");
            assertThatThrownBy(() -> b.rejectedCredentialsPause(bad)).hasMessageContaining("must be positive");
            assertThatThrownBy(() -> b.connectTimeout(bad)).hasMessageContaining("connectTimeout must be positive");
            assertThatThrownBy(() -> b.requestTimeout(bad)).hasMessageContaining("requestTimeout must be positive");
            assertThatThrownBy(() -> b.baseBackoff(bad)).hasMessageContaining("baseBackoff must be positive");
            assertThatThrownBy(() -> b.maxBackoff(bad)).hasMessageContaining("maxBackoff must be positive");
            assertThatThrownBy(() -> b.maxRetryAfter(bad)).hasMessageContaining("maxRetryAfter must be positive");
        }
    }

    @Test
    void credentialsMustBePrintableAndNeverShow() {
        assertThat(PortalCredentials.accessToken("a~Z!0")).hasToString("AccessToken[(5 chars, hidden)]");
        for (String bad : new String[] {"", "with space", "tab\there", "caf\u00e9", "del\u007f", " "}) {
            assertThatThrownBy(() -> PortalCredentials.accessToken(bad)).as("[" + bad + "]")
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining(bad.isBlank() ? "\u0000" : bad);
        }
        PortalCredentials grant = PortalCredentials.passwordGrant("client-1", "s3cret", "svc user", "pass word");
        assertThat(grant.toString()).doesNotContain("client-1", "s3cret", "svc user", "pass word");
        assertThatThrownBy(() -> PortalCredentials.passwordGrant("client 1", "s", "u", "p"))
                .hasMessageContaining("client id");
        assertThatThrownBy(() -> PortalCredentials.passwordGrant("c", "", "u", "p")).hasMessageContaining("client secret");
        assertThatThrownBy(() -> PortalCredentials.passwordGrant("c", "s", "", "p")).hasMessageContaining("username");
        assertThatThrownBy(() -> PortalCredentials.passwordGrant("c", "s", "u", "")).hasMessageContaining("password");
        RestStoreConfig config = RestStoreConfig.builder(API, grant).build();
        assertThat(config.credentials()).isSameAs(grant);
        assertThat(config.toString()).doesNotContain("s3cret", "pass word").contains(API.toString());
    }
}
