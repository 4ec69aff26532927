package dev.scimkit.examples.tls;

import dev.scimkit.examples.ExampleServer;
import dev.scimkit.examples.ServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The example server on HTTPS with certificates made for the test, over real TLS handshakes. */
class HttpsServerTest {

    private static final String TOKEN = "tls-" + java.util.UUID.randomUUID();

    @TempDir
    Path dir;

    private ExampleServer start(String... tlsOptions) throws Exception {
        List<String> args = new ArrayList<>(List.of("--store", "memory", "--port", "0", "--token", TOKEN,
                "--data-dir", dir.resolve("data").toString()));
        args.addAll(List.of(tlsOptions));
        return ExampleServer.start(ServerOptions.parse(args.toArray(String[]::new), Map.of()));
    }

    private static HttpResponse<String> get(SSLContext trust, HttpClient.Version version, String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trust).version(version)
                .connectTimeout(Duration.ofSeconds(30)).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesHttpsFromAcmeStylePemFilesWithHttp2AndHsts() throws Exception {
        TestCertificates.Issued issued = TestCertificates.issue(dir, "EC", "first");
        Path cert = dir.resolve("fullchain.pem");
        Path key = dir.resolve("privkey.pem");
        TestCertificates.writePem(issued, cert, key);
        try (ExampleServer server = start("--tls-cert", cert.toString(), "--tls-key", key.toString())) {
            assertThat(server.baseUrl()).startsWith("https://localhost:");
            SSLContext trust = TestCertificates.trusting(issued.certificate());

            HttpResponse<String> h2 = get(trust, HttpClient.Version.HTTP_2, server.baseUrl() + "/ServiceProviderConfig");
            assertThat(h2.statusCode()).isEqualTo(200);
            assertThat(h2.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(h2.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");

            HttpResponse<String> h1 = get(trust, HttpClient.Version.HTTP_1_1, server.baseUrl() + "/Users");
            assertThat(h1.statusCode()).isEqualTo(200);
            assertThat(h1.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(h1.headers().firstValue("Strict-Transport-Security")).isPresent();
            assertThat(h1.body()).contains("\"Resources\"").contains("\"totalResults\"");
            // meta.location follows the scheme the client used.
            assertThat(get(trust, HttpClient.Version.HTTP_1_1, server.baseUrl() + "/ResourceTypes/User").body())
                    .contains("https://localhost:");
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() throws Exception {
        TestCertificates.Issued issued = TestCertificates.issue(dir, "RSA", "served");
        TestCertificates.Issued other = TestCertificates.issue(dir, "RSA", "other");
        Path cert = dir.resolve("fullchain.pem");
        Path key = dir.resolve("privkey.pem");
        TestCertificates.writePem(issued, cert, key);
        try (ExampleServer server = start("--tls-cert", cert.toString(), "--tls-key", key.toString())) {
            assertThatThrownBy(() -> get(TestCertificates.trusting(other.certificate()), HttpClient.Version.HTTP_1_1,
                    server.baseUrl() + "/Users")).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void aRenewedCertificateIsServedWithoutARestart() throws Exception {
        TestCertificates.Issued first = TestCertificates.issue(dir, "RSA", "first");
        TestCertificates.Issued renewed = TestCertificates.issue(dir, "EC", "renewed");
        Path cert = dir.resolve("fullchain.pem");
        Path key = dir.resolve("privkey.pem");
        TestCertificates.writePem(first, cert, key);
        try (ExampleServer server = start("--tls-cert", cert.toString(), "--tls-key", key.toString(),
                "--tls-reload-check", "1")) {
            SSLContext trustBoth = TestCertificates.trusting(first.certificate(), renewed.certificate());
            X509Certificate before = TestCertificates.served(trustBoth, server.port());
            assertThat(before.getSerialNumber()).isEqualTo(first.certificate().getSerialNumber());

            TestCertificates.writePem(renewed, cert, key);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            X509Certificate now = before;
            while (now.getSerialNumber().equals(before.getSerialNumber()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
                now = TestCertificates.served(trustBoth, server.port());
            }
            assertThat(now.getSerialNumber()).isEqualTo(renewed.certificate().getSerialNumber());
            assertThat(now.getSubjectX500Principal().getName()).contains("O=renewed");
            assertThat(get(TestCertificates.trusting(renewed.certificate()), HttpClient.Version.HTTP_2,
                    server.baseUrl() + "/Users").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void servesFromAPkcs12Keystore() throws Exception {
        TestCertificates.Issued issued = TestCertificates.issue(dir, "RSA", "pkcs12");
        try (ExampleServer server = start("--tls-keystore", issued.keystore().toString(),
                "--tls-keystore-password", TestCertificates.PASSWORD, "--hsts-max-age", "600")) {
            HttpResponse<String> r = get(TestCertificates.trusting(issued.certificate()), HttpClient.Version.HTTP_1_1,
                    server.baseUrl() + "/Users");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Strict-Transport-Security")).contains("max-age=600");
        }
    }

    @Test
    void aKeyThatIsNotTheCertificatesStopsTheStartNamingTheFiles() throws Exception {
        TestCertificates.Issued issued = TestCertificates.issue(dir, "RSA", "a");
        TestCertificates.Issued other = TestCertificates.issue(dir, "RSA", "b");
        Path cert = dir.resolve("fullchain.pem");
        Path key = dir.resolve("privkey.pem");
        Files.writeString(cert, TestCertificates.pem("CERTIFICATE", issued.certificate().getEncoded()));
        Files.writeString(key, TestCertificates.pem("PRIVATE KEY", other.key().getEncoded()));
        assertThatThrownBy(() -> start("--tls-cert", cert.toString(), "--tls-key", key.toString()))
                .isInstanceOf(ServerOptions.InvalidOptionsException.class)
                .hasMessageContaining(key.toString()).hasMessageContaining("not the key of the certificate");
        Files.writeString(key, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertThatThrownBy(() -> start("--tls-cert", cert.toString(), "--tls-key", key.toString()))
                .isInstanceOf(ServerOptions.InvalidOptionsException.class).hasMessageContaining("encrypted");
    }
}
