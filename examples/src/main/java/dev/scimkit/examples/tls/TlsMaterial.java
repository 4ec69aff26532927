package dev.scimkit.examples.tls;

import dev.scimkit.examples.SecurityOptions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The server's certificate and key as a keystore for Jetty, read from the files the options name, with
 * a digest of those files' content so a watcher can tell a renewal. A key that does not belong to the
 * certificate is refused here rather than at the first handshake.
 *
 * @param keyStore  a PKCS#12 keystore in memory holding one key entry
 * @param password  the keystore's and key's password (random for PEM files)
 * @param leaf      the server's certificate
 * @param digest    SHA-256 over the content of the files read
 */
record TlsMaterial(KeyStore keyStore, String password, X509Certificate leaf, byte[] digest) {

    /** Thrown with a message for the operator: which file, what is wrong. */
    static final class InvalidTlsMaterialException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidTlsMaterialException(String message) {
            super(message);
        }
    }

    /** The digest of the files {@code tls} names, to tell whether they changed. */
    static byte[] digestOf(SecurityOptions.Tls tls) throws IOException {
        MessageDigest sha = sha256();
        for (Path p : files(tls)) {
            sha.update(Files.readAllBytes(p));
            sha.update((byte) 0);
        }
        return sha.digest();
    }

    static TlsMaterial load(SecurityOptions.Tls tls) throws InvalidTlsMaterialException {
        try {
            byte[] digest = digestOf(tls);
            return tls.keystore().isPresent() ? fromPkcs12(tls, digest) : fromPem(tls, digest);
        } catch (IOException e) {
            throw new InvalidTlsMaterialException("cannot read " + e.getMessage());
        }
    }

    private static TlsMaterial fromPem(SecurityOptions.Tls tls, byte[] digest) throws IOException, InvalidTlsMaterialException {
        Path certFile = tls.certFile().orElseThrow();
        Path keyFile = tls.keyFile().orElseThrow();
        List<X509Certificate> chain;
        try {
            chain = PemFiles.certificates(Files.readAllBytes(certFile));
        } catch (GeneralSecurityException e) {
            throw new InvalidTlsMaterialException(certFile + ": " + e.getMessage());
        }
        PrivateKey key;
        try {
            key = PemFiles.privateKey(Files.readAllBytes(keyFile), chain.get(0));
        } catch (GeneralSecurityException e) {
            throw new InvalidTlsMaterialException(keyFile + ": " + e.getMessage());
        }
        requirePair(key, chain.get(0).getPublicKey(), keyFile + " is not the key of the certificate in " + certFile);
        try {
            String password = randomPassword();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("scimkit", key, password.toCharArray(), chain.toArray(new Certificate[0]));
            return new TlsMaterial(ks, password, chain.get(0), digest);
        } catch (GeneralSecurityException e) {
            throw new InvalidTlsMaterialException(certFile + ": " + e.getMessage());
        }
    }

    private static TlsMaterial fromPkcs12(SecurityOptions.Tls tls, byte[] digest) throws IOException, InvalidTlsMaterialException {
        Path file = tls.keystore().orElseThrow();
        String password = tls.keystorePassword().orElse("");
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(Files.readAllBytes(file)), password.toCharArray());
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias) && ks.getCertificate(alias) instanceof X509Certificate leaf) {
                    return new TlsMaterial(ks, password, leaf, digest);
                }
            }
            throw new InvalidTlsMaterialException(file + ": holds no private key with a certificate");
        } catch (GeneralSecurityException e) {
            throw new InvalidTlsMaterialException(file + ": not a PKCS#12 keystore this password opens ("
                    + e.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            // KeyStore.load reports a wrong password as an IOException.
            throw new InvalidTlsMaterialException(file + ": not a PKCS#12 keystore this password opens");
        }
    }

    /** Signs and verifies a random message: the one check that works for RSA, EC and EdDSA alike. */
    private static void requirePair(PrivateKey key, PublicKey publicKey, String message) throws InvalidTlsMaterialException {
        String algorithm = switch (publicKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> publicKey.getAlgorithm();
            default -> null;
        };
        if (algorithm == null) {
            return; // an unusual key type: the handshake will tell
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            if (!verifier.verify(signature)) {
                throw new InvalidTlsMaterialException(message);
            }
        } catch (GeneralSecurityException e) {
            throw new InvalidTlsMaterialException(message);
        }
    }

    private static List<Path> files(SecurityOptions.Tls tls) {
        List<Path> files = new ArrayList<>();
        tls.certFile().ifPresent(files::add);
        tls.keyFile().ifPresent(files::add);
        tls.keystore().ifPresent(files::add);
        return files;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "TlsMaterial[" + leaf.getSubjectX500Principal() + ", serial " + leaf.getSerialNumber().toString(16) + "]";
    }
}
