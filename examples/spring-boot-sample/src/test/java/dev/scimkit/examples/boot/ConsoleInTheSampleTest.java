package dev.scimkit.examples.boot;

import dev.scimkit.console.AdminPassword;
import dev.scimkit.server.activity.QueuedActivityRecorder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provisioning console in the sample application, wired by the starter from properties alone
 * ({@code scimkit.console.*}), over real HTTP beside Boot's own security: an identity provider's
 * request shows up in the activity list after the administrator signs in through the console's form,
 * while the application's own endpoint still asks for Boot's credentials.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "SCIM_ENTRA_TOKEN=" + SampleContract.ENTRA_TOKEN,
                "SCIM_OKTA_TOKEN=" + SampleContract.OKTA_TOKEN,
                "SAMPLE_ADMIN_PASSWORD=" + SampleContract.ADMIN_PASSWORD,
                "scimkit.console.enabled=true"})
class ConsoleInTheSampleTest {

    private static final String PASSWORD = "console-" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Autowired
    Environment environment;
    @Autowired
    QueuedActivityRecorder recorder;

    /**
     * The configuration holds the hash, as an operator's would; the password stays in the test. (A list's
     * items bind from one property source, so the whole administrator is given here.)
     */
    @DynamicPropertySource
    static void admin(DynamicPropertyRegistry registry) {
        String hash = AdminPassword.hash(PASSWORD).text();
        registry.add("scimkit.console.admins[0].tenant", () -> "acme");
        registry.add("scimkit.console.admins[0].user", () -> "ann");
        registry.add("scimkit.console.admins[0].password-hash", () -> hash);
    }

    private String origin() {
        return "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port", Integer.class);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    @Test
    void anIdentityProvidersRequestIsInTheConsoleAfterSigningIn() throws Exception {
        String userName = "console." + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
        long before = recorder.written();
        Http.bearer(Integer.parseInt(origin().substring(origin().lastIndexOf(':') + 1)), SampleContract.ENTRA_TOKEN)
                .scim(201, "POST", "/Users", """
                        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                         "name":{"givenName":"Cleo","familyName":"Console"},"active":true}""".formatted(userName));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (recorder.written() <= before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(recorder.written()).as("the request was recorded").isGreaterThan(before);

        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(origin() + "/console/signin")));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(origin() + "/console/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie(form, "scimkit_console_signin"))
                .POST(HttpRequest.BodyPublishers.ofString("user=ann&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                        + "&csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).contains("/console/activity");
        String session = cookie(signedIn, "scimkit_console");

        HttpResponse<String> activity = send(HttpRequest.newBuilder(URI.create(origin() + "/console/activity"))
                .header("Cookie", session));
        assertThat(activity.statusCode()).isEqualTo(200);
        assertThat(activity.body()).contains("created user").contains(userName).contains("entra-id@acme");
        HttpResponse<String> employees = send(HttpRequest.newBuilder(URI.create(origin() + "/console/employees?q="
                + URLEncoder.encode(userName, StandardCharsets.UTF_8))).header("Cookie", session));
        assertThat(employees.body()).contains(userName).contains("Cleo Console");

        // Signed out, the console sends people to its own sign-in, and the application keeps Boot's security.
        assertThat(send(HttpRequest.newBuilder(URI.create(origin() + "/console/activity"))).statusCode()).isEqualTo(302);
        assertThat(send(HttpRequest.newBuilder(URI.create(origin() + "/api/greeting"))).statusCode()).isEqualTo(401);
    }
}
