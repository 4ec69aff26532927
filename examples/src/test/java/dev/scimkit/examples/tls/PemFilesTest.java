package dev.scimkit.examples.tls;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key formats ACME clients write: PKCS#8 (certbot), PKCS#1 RSA and SEC1 EC (lego, acme.sh). */
class PemFilesTest {

    @TempDir
    static Path dir;
    private static TestCertificates.Issued rsa;
    private static TestCertificates.Issued ec;

    @BeforeAll
    static void issue() throws Exception {
        rsa = TestCertificates.issue(dir, "RSA", "rsa");
        ec = TestCertificates.issue(dir, "EC", "ec");
    }

    private static byte[] bytes(String pem) {
        return pem.getBytes(StandardCharsets.US_ASCII);
    }

    /** The key inside a PKCS#8 structure: SEQUENCE { INTEGER, AlgorithmIdentifier, OCTET STRING key, ... }. */
    private static byte[] innerKey(byte[] pkcs8) {
        int at = skipHeader(pkcs8, 0);           // into the outer SEQUENCE
        at = next(pkcs8, at);                    // past the version
        at = next(pkcs8, at);                    // past the AlgorithmIdentifier
        int content = skipHeader(pkcs8, at);     // into the OCTET STRING
        return Arrays.copyOfRange(pkcs8, content, next(pkcs8, at));
    }

    private static int skipHeader(byte[] der, int at) {
        int first = der[at + 1] & 0xFF;
        return at + 2 + (first < 0x80 ? 0 : first & 0x7F);
    }

    private static int next(byte[] der, int at) {
        int first = der[at + 1] & 0xFF;
        int len = first;
        if (first >= 0x80) {
            len = 0;
            for (int i = 0; i < (first & 0x7F); i++) {
                len = (len << 8) | (der[at + 2 + i] & 0xFF);
            }
        }
        return skipHeader(der, at) + len;
    }

    private static void assertSameKey(PrivateKey read, PrivateKey expected) {
        assertThat(read.getAlgorithm()).isEqualTo(expected.getAlgorithm());
        assertThat(read.getEncoded()).isEqualTo(expected.getEncoded());
    }

    @Test
    void readsPkcs8KeysOfBothFamilies() throws Exception {
        assertSameKey(PemFiles.privateKey(bytes(TestCertificates.pem("PRIVATE KEY", rsa.key().getEncoded())), rsa.certificate()), rsa.key());
        assertSameKey(PemFiles.privateKey(bytes(TestCertificates.pem("PRIVATE KEY", ec.key().getEncoded())), ec.certificate()), ec.key());
    }

    @Test
    void readsPkcs1RsaAndSec1EcKeys() throws Exception {
        String pkcs1 = TestCertificates.pem("RSA PRIVATE KEY", innerKey(rsa.key().getEncoded()));
        assertSameKey(PemFiles.privateKey(bytes(pkcs1), rsa.certificate()), rsa.key());
        String sec1 = TestCertificates.pem("EC PRIVATE KEY", innerKey(ec.key().getEncoded()));
        PrivateKey read = PemFiles.privateKey(bytes(sec1), ec.certificate());
        assertThat(read.getAlgorithm()).isEqualTo("EC");
        assertThat(((java.security.interfaces.ECPrivateKey) read).getS())
                .isEqualTo(((java.security.interfaces.ECPrivateKey) ec.key()).getS());
    }

    @Test
    void readsAChainInFileOrderAndSkipsOtherBlocks() throws Exception {
        String chain = "# written by an ACME client\n" + TestCertificates.pem("CERTIFICATE", rsa.certificate().getEncoded())
                + TestCertificates.pem("CERTIFICATE", ec.certificate().getEncoded());
        List<X509Certificate> certs = PemFiles.certificates(bytes(chain));
        assertThat(certs).containsExactly(rsa.certificate(), ec.certificate());
        String keyAfterParameters = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
                + TestCertificates.pem("EC PRIVATE KEY", innerKey(ec.key().getEncoded()));
        assertThat(PemFiles.privateKey(bytes(keyAfterParameters), ec.certificate()).getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void filesWithoutWhatIsNeededSaySo() {
        assertThatThrownBy(() -> PemFiles.privateKey(bytes("nothing here"), rsa.certificate()))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("no private key");
        assertThatThrownBy(() -> PemFiles.certificates(bytes("nothing here"))).isInstanceOf(GeneralSecurityException.class);
    }
}
