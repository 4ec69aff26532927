package dev.scimkit.examples.tracktik;

import dev.scimkit.examples.ExampleServer;
import dev.scimkit.examples.ServerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's HTTP rules, without a browser: read-only, a no-script CSP on every answer, CSRF on
 * sign-in, cookie flags, and a SCIM token that signs nobody in.
 */
class ConsoleHttpTest {

    private static final String PASSWORD = "console-" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    static Path dataDir;
    private static ExampleServer server;
    private static String console;

    @BeforeAll
    static void start() throws Exception {
        server = ExampleServer.start(ServerOptions.parse(new String[] {"--port", "0", "--data-dir", dataDir.toString(),
                "--tenant", "default/entra=" + TestServers.TOKEN,
                "--console-admin", "default=ann:" + PASSWORD}, Map.of()));
        console = "http://localhost:" + server.port() + "/console";
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder form(String path, Map<String, String> fields, Optional<String> cookies) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(console + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        cookies.ifPresent(c -> b.header("Cookie", c));
        return b;
    }

    private static String cookiePair(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    @Test
    void everyAnswerForbidsScriptsAndPagesAnswerGetOnly() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(console + "/activity"))
                    .method(method, HttpRequest.BodyPublishers.noBody()));
            assertThat(r.statusCode()).as(method).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).contains("GET");
        }
        HttpResponse<String> signIn = send(HttpRequest.newBuilder(URI.create(console + "/signin")));
        assertThat(signIn.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'").doesNotContain("script-src").doesNotContain("unsafe-inline");
        assertThat(signIn.body()).doesNotContain("<script");
        HttpResponse<String> signedOut = send(HttpRequest.newBuilder(URI.create(console + "/setup")));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/console/signin");
    }

    @Test
    void signInNeedsTheFormsCsrfTokenAndGivesAStrictHttpOnlyCookie() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(console + "/signin")));
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String csrfCookie = cookiePair(page, "scimkit_console_signin");

        // A cross-site form cannot know the token: refused even with the right password.
        HttpResponse<String> forged = send(form("/signin", Map.of("user", "ann", "password", PASSWORD, "csrf", "guess"),
                Optional.of(csrfCookie)));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("scimkit_console="));

        // The SCIM token is not an administrator's password.
        HttpResponse<String> token = send(form("/signin", Map.of("user", "ann", "password", TestServers.TOKEN,
                "csrf", csrf.group(1)), Optional.of(csrfCookie)));
        assertThat(token.statusCode()).isEqualTo(401);
        assertThat(token.body()).doesNotContain(TestServers.TOKEN);

        HttpResponse<String> ok = send(form("/signin", Map.of("user", "ann", "password", PASSWORD, "csrf", csrf.group(1)),
                Optional.of(csrfCookie)));
        assertThat(ok.statusCode()).isEqualTo(303);
        String session = ok.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("scimkit_console="))
                .findFirst().orElseThrow();
        assertThat(session).contains("HttpOnly", "SameSite=Strict", "Path=/console").doesNotContain("Secure");
        String sessionPair = session.substring(0, session.indexOf(';'));
        HttpResponse<String> activity = send(HttpRequest.newBuilder(URI.create(console + "/activity"))
                .header("Cookie", sessionPair));
        assertThat(activity.statusCode()).isEqualTo(200);
        assertThat(activity.headers().firstValue("Cache-Control")).contains("no-store");

        // Sign-out without the session's token is refused; with it, the session is gone.
        assertThat(send(form("/signout", Map.of("csrf", "guess"), Optional.of(sessionPair))).statusCode()).isEqualTo(403);
        Matcher sessionCsrf = CSRF.matcher(activity.body());
        assertThat(sessionCsrf.find()).isTrue();
        assertThat(send(form("/signout", Map.of("csrf", sessionCsrf.group(1)), Optional.of(sessionPair))).statusCode())
                .isEqualTo(303);
        assertThat(send(HttpRequest.newBuilder(URI.create(console + "/activity")).header("Cookie", sessionPair))
                .statusCode()).isEqualTo(302);
    }

    @Test
    void aBearerTokenOpensNoConsolePage() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(console + "/activity"))
                .header("Authorization", "Bearer " + TestServers.TOKEN));
        assertThat(r.statusCode()).isEqualTo(302);
    }
}
