package dev.scimkit.examples.boot;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An application that configures no SCIM token does not start, and says what to set. */
class MissingTokenTest {

    @Test
    void noTokenFailsAtStartUpWithWhatToSet() {
        SpringApplicationBuilder app = new SpringApplicationBuilder(SampleApplication.class).properties(
                "server.port=0",
                "spring.datasource.url=jdbc:h2:mem:no-token;DB_CLOSE_DELAY=-1",
                "SAMPLE_ADMIN_PASSWORD=x",
                "scimkit.tenants.acme.clients[0].name=entra-id",
                "scimkit.tenants.acme.clients[1].name=okta",
                "SCIM_ENTRA_TOKEN=",
                "SCIM_OKTA_TOKEN=");
        assertThatThrownBy(app::run)
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("scimkit.tenants.acme.clients[0]")
                .hasMessageContaining(".token");
    }
}
