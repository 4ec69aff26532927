package dev.scimkit.examples;

import dev.scimkit.server.auth.BearerTokenAuthenticator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's sign-in on a real server process: an administrator of a tenant known only from the
 * token file, configured with a hash that {@code --hash-console-password} printed, and guessing at
 * the form throttled by the same failed-authentication guard as the SCIM path (429 with Retry-After,
 * one log line per incident, no password in the log).
 */
class ConsoleSignInHttpTest {

    private static final String TOKEN = "acme-" + UUID.randomUUID();
    private static final String PASSWORD = "console-" + UUID.randomUUID();
    private static final String WRONG = "wrong-" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    static Path work;
    private static ServerProcess server;
    private static String hash;

    @BeforeAll
    static void start() throws Exception {
        hash = hashWithTheCli(PASSWORD);
        Path tokens = work.resolve("tokens.json");
        Files.writeString(tokens, "{\"tenants\": {\"acme\": [{\"name\": \"entra-acme\", \"hash\": \""
                + BearerTokenAuthenticator.storedHash(TOKEN) + "\"}]}}");
        server = ServerProcess.start(work.resolve("server.log"), "--data-dir", work.resolve("data").toString(),
                "--tokens-file", tokens.toString(), "--max-auth-failures", "3",
                "--console-admin", "acme=ann:" + hash).awaitHealthy();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** {@code scimkit-server --hash-console-password < password}, as an operator runs it. */
    private static String hashWithTheCli(String password) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ScimkitServerMain.class.getName(), "--hash-console-password")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write((password + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return out;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String console() {
        return server.origin() + "/console";
    }

    /** A sign-in as a browser makes it: the form first (its CSRF token and cookie), then the POST. */
    private static HttpResponse<String> signIn(String user, String password) throws Exception {
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(console() + "/signin")));
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).isTrue();
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("scimkit_console_signin="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        String body = "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(console() + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String session(HttpResponse<String> signedIn) {
        return signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("scimkit_console="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    @Test
    void guessingIsRefusedWith429UntilRetryAfterOnTheConsoleAndTheScimPathAlike() throws Exception {
        assertThat(hash).startsWith("pbkdf2-sha256$").doesNotContain(PASSWORD);

        // The administrator of a tenant that only the token file names signs in, and sees its token by name.
        HttpResponse<String> ok = signIn("ann", PASSWORD);
        assertThat(ok.statusCode()).isEqualTo(303);
        HttpResponse<String> setup = send(HttpRequest.newBuilder(URI.create(console() + "/setup")).header("Cookie", session(ok)));
        assertThat(setup.statusCode()).isEqualTo(200);
        assertThat(setup.body()).contains("entra-acme", "acme").doesNotContain(TOKEN);

        // Guessing: three failures are free, then each one locks the address for twice as long. Waiting
        // out each refusal lets the lockout grow until it is long enough to see it refuse everything.
        HttpResponse<String> refused = null;
        for (int attempt = 0; attempt < 12; attempt++) {
            HttpResponse<String> r = signIn("ann", WRONG);
            if (r.statusCode() == 401) {
                continue;
            }
            assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
            long retryAfter = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isPositive();
            assertThat(r.body()).contains("Too many failed sign-ins").contains("Try again in " + retryAfter)
                    .doesNotContain(WRONG);
            if (retryAfter >= 4) {
                refused = r;
                break;
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(retryAfter));
        }
        assertThat(refused).as("a lockout of 4 s or more within 12 attempts").isNotNull();
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());

        // While it lasts, the right password is refused too, and so is the SCIM path from that address.
        assertThat(signIn("ann", PASSWORD).statusCode()).isEqualTo(429);
        HttpResponse<String> scim = send(HttpRequest.newBuilder(URI.create(server.origin() + "/rest/scim/v2/Users"))
                .header("Authorization", "Bearer " + TOKEN));
        assertThat(scim.statusCode()).isEqualTo(429);
        assertThat(scim.headers().firstValue("Retry-After")).isPresent();

        Thread.sleep(TimeUnit.SECONDS.toMillis(retryAfter) + 500);
        assertThat(signIn("ann", PASSWORD).statusCode()).as("after Retry-After").isEqualTo(303);

        String log = server.log();
        assertThat(Pattern.compile("Repeated failed authentication from").matcher(log).results().count())
                .as("the incident is logged once:%n%s", log).isEqualTo(1);
        assertThat(log).doesNotContain(PASSWORD).doesNotContain(WRONG).doesNotContain(TOKEN);
    }

    @Test
    void anAdministratorOfATenantNoTokenNamesStopsTheStart() throws Exception {
        Path log = work.resolve("refused.log");
        Process p = ServerProcess.launch(log, List.of("--port", "0", "--data-dir", work.resolve("data2").toString(),
                "--token", TOKEN, "--console-admin", "nobody=ann:" + hash));
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log)).contains("--console-admin names the tenant nobody").doesNotContain(hash);
    }
}
