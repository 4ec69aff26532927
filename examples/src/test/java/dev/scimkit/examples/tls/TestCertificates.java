package dev.scimkit.examples.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made for a test by the JDK's keytool (nothing is committed, no private key leaves the
 * temporary directory), written as an ACME client would: fullchain.pem and privkey.pem (PKCS#8), or a
 * PKCS#12 keystore; and a client that trusts exactly them.
 */
final class TestCertificates {

    static final String PASSWORD = "test-keystore-password";

    /** A key pair and self-signed certificate for localhost, in a PKCS#12 keystore. */
    record Issued(Path keystore, X509Certificate certificate, PrivateKey key) {
    }

    private TestCertificates() {
    }

    /** {@code keyalg} RSA or EC; {@code organisation} ends up in the subject, to tell certificates apart. */
    static Issued issue(Path dir, String keyalg, String organisation) throws Exception {
        Path p12 = Files.createTempFile(dir, "issued", ".p12");
        Files.delete(p12);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", keyalg,
                "-dname", "CN=localhost, O=" + organisation, "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "3", "-keystore", p12.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD));
        command.addAll(keyalg.equals("EC") ? List.of("-groupname", "secp256r1") : List.of("-keysize", "2048"));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(120, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(p12.toFile())) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return new Issued(p12, (X509Certificate) ks.getCertificate("server"),
                (PrivateKey) ks.getKey("server", PASSWORD.toCharArray()));
    }

    /** Writes fullchain.pem and privkey.pem (PKCS#8) by renaming complete files over the old ones. */
    static void writePem(Issued issued, Path cert, Path key) throws Exception {
        replace(cert, pem("CERTIFICATE", issued.certificate().getEncoded()));
        replace(key, pem("PRIVATE KEY", issued.key().getEncoded()));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static void replace(Path target, String content) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "renewal", ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A TLS context that trusts these certificates only. */
    static SSLContext trusting(Certificate... certificates) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (int i = 0; i < certificates.length; i++) {
            trust.setCertificateEntry("trusted-" + i, certificates[i]);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    /** The certificate the server at {@code port} presents in a fresh handshake. */
    static X509Certificate served(SSLContext context, int port) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(60_000);
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }
}
