package dev.scimkit.examples.tls;

import dev.scimkit.examples.SecurityOptions;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A renewal that is not usable keeps the certificate in use; the next good one is taken. The reloader
 * is driven by hand (its own schedule is an hour here), so nothing depends on timing.
 */
class CertificateReloaderTest {

    @TempDir
    Path dir;

    @Test
    void aBrokenRenewalKeepsTheCertificateInUseAndTheNextGoodOneIsServed() throws Exception {
        TestCertificates.Issued first = TestCertificates.issue(dir, "RSA", "first");
        TestCertificates.Issued second = TestCertificates.issue(dir, "RSA", "second");
        TestCertificates.Issued third = TestCertificates.issue(dir, "EC", "third");
        Path cert = dir.resolve("fullchain.pem");
        Path key = dir.resolve("privkey.pem");
        TestCertificates.writePem(first, cert, key);
        SecurityOptions.Tls tls = new SecurityOptions.Tls(Optional.of(cert), Optional.of(key), Optional.empty(),
                Optional.empty(), Duration.ZERO, Duration.ofHours(1));
        Server jetty = new Server();
        ServerConnector connector = HttpsConnector.create(jetty, new HttpConfiguration(), tls);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        jetty.start();
        try {
            CertificateReloader reloader = connector.getBean(CertificateReloader.class);
            SSLContext trustAll = TestCertificates.trusting(first.certificate(), second.certificate(), third.certificate());
            int port = connector.getLocalPort();
            assertThat(TestCertificates.served(trustAll, port).getSerialNumber()).isEqualTo(first.certificate().getSerialNumber());

            // The renewed certificate has arrived, its key not yet: the pair does not match.
            TestCertificates.replace(cert, TestCertificates.pem("CERTIFICATE", second.certificate().getEncoded()));
            reloader.check();
            assertThat(TestCertificates.served(trustAll, port).getSerialNumber()).isEqualTo(first.certificate().getSerialNumber());
            // A key file that is not PEM at all.
            Files.writeString(key, "garbage");
            reloader.check();
            assertThat(TestCertificates.served(trustAll, port).getSerialNumber()).isEqualTo(first.certificate().getSerialNumber());

            TestCertificates.writePem(third, cert, key);
            reloader.check();
            assertThat(TestCertificates.served(trustAll, port).getSerialNumber()).isEqualTo(third.certificate().getSerialNumber());
            reloader.check();
            assertThat(TestCertificates.served(trustAll, port).getSerialNumber()).as("unchanged files, nothing to do")
                    .isEqualTo(third.certificate().getSerialNumber());
        } finally {
            jetty.stop();
        }
    }
}
