package dev.scimkit.examples.boot;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** An application with a security chain of its own keeps it, and SCIM is still the library's to guard. */
@SpringBootTest(classes = {SampleApplication.class, OwnSecurityChainTest.OpenApi.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:own-chain;DB_CLOSE_DELAY=-1",
                "SCIM_ENTRA_TOKEN=" + SampleContract.ENTRA_TOKEN,
                "SCIM_OKTA_TOKEN=" + SampleContract.OKTA_TOKEN,
                "SAMPLE_ADMIN_PASSWORD=" + SampleContract.ADMIN_PASSWORD})
class OwnSecurityChainTest {

    @Autowired
    Environment environment;

    @TestConfiguration(proxyBeanMethods = false)
    static class OpenApi {
        /** The application's own rule: its API is public. */
        @Bean
        SecurityFilterChain openApi(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
    }

    @Test
    void theApplicationsChainStaysAndScimStillNeedsItsToken() {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        assertThat(Http.anonymous(port).send("GET", "/api/greeting", null).body()).isEqualTo("hello");

        HttpResponse<String> noToken = Http.anonymous(port).send("GET", "/scim/v2/Users", null);
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        Http.bearer(port, SampleContract.OKTA_TOKEN).scim(201, "POST", "/Users",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"own-chain@example.com\"}");
    }
}
