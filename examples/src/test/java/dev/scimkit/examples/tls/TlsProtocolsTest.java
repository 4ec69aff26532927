package dev.scimkit.examples.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS 1.1 is refused by the server itself: checked in a JVM where the JDK would allow it, next to a
 * control server with the JDK's defaults that does accept it (so the client can speak TLS 1.1 there).
 */
class TlsProtocolsTest {

    @TempDir
    Path dir;

    @Test
    void onlyTls12And13AreAcceptedEvenWhereTheJdkAllowsTls11() throws Exception {
        TestCertificates.Issued issued = TestCertificates.issue(dir, "RSA", "probe");
        Path cert = dir.resolve("fullchain.pem");
        Path key = dir.resolve("privkey.pem");
        TestCertificates.writePem(issued, cert, key);
        Path security = dir.resolve("tls11.security");
        Files.writeString(security, "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, NULL, anon\n");
        Path log = dir.resolve("probe.log");
        Process probe = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.properties=" + security,
                "-cp", System.getProperty("java.class.path"),
                TlsProtocolProbe.class.getName(), cert.toString(), key.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(probe.waitFor(180, TimeUnit.SECONDS)).as("the probe finishes").isTrue();
        String output = Files.readString(log);
        assertThat(output).as(output)
                .contains("control TLSv1.1 accepted")
                .contains("server TLSv1.1 refused")
                .contains("server TLSv1.2 accepted")
                .contains("server TLSv1.3 accepted");
    }
}
