package dev.scimkit.examples.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Certificates and private keys in PEM, as certificate authorities and ACME clients write them:
 * {@code fullchain.pem} (the server's certificate, then the intermediates) and {@code privkey.pem} as
 * PKCS#8 ({@code BEGIN PRIVATE KEY}, certbot's form), PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) or SEC1
 * ({@code BEGIN EC PRIVATE KEY}, as lego and acme.sh write EC keys). The last two are wrapped into
 * PKCS#8 with the algorithm identifier of the certificate's own public key. Encrypted keys are refused
 * with a hint.
 */
final class PemFiles {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)-----END \\1-----");

    private PemFiles() {
    }

    /** The certificates of a PEM file, in file order. */
    static List<X509Certificate> certificates(byte[] pem) throws GeneralSecurityException {
        List<X509Certificate> chain = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem)).stream()
                .map(X509Certificate.class::cast).toList();
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("no certificate (-----BEGIN CERTIFICATE-----) found");
        }
        return chain;
    }

    /** The private key of a PEM file, for the certificate {@code leaf}. */
    static PrivateKey privateKey(byte[] pem, X509Certificate leaf) throws GeneralSecurityException {
        Matcher m = BLOCK.matcher(new String(pem, java.nio.charset.StandardCharsets.US_ASCII));
        while (m.find()) {
            String type = m.group(1);
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(2));
            } catch (IllegalArgumentException e) {
                throw new GeneralSecurityException("the " + type + " block is not valid base64");
            }
            byte[] pkcs8 = switch (type) {
                case "PRIVATE KEY" -> der;
                case "RSA PRIVATE KEY", "EC PRIVATE KEY" -> wrap(der, algorithmIdentifier(leaf));
                case "ENCRYPTED PRIVATE KEY" -> throw new GeneralSecurityException("the key is encrypted; write it"
                        + " unencrypted (openssl pkcs8 -in key.pem -out privkey.pem) and protect the file instead");
                default -> null;
            };
            if (pkcs8 != null) {
                String algorithm = leaf.getPublicKey().getAlgorithm();
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            }
        }
        throw new GeneralSecurityException("no private key (-----BEGIN PRIVATE KEY-----) found");
    }

    /** The AlgorithmIdentifier of a certificate's SubjectPublicKeyInfo: the first element of its sequence. */
    private static byte[] algorithmIdentifier(X509Certificate cert) throws GeneralSecurityException {
        byte[] spki = cert.getPublicKey().getEncoded();
        int[] outer = header(spki, 0);
        int[] inner = header(spki, outer[0]);
        int end = outer[0] + inner[0] + inner[1];
        if (spki[0] != 0x30 || spki[outer[0]] != 0x30 || end > spki.length) {
            throw new GeneralSecurityException("the certificate's public key is not in the expected form");
        }
        return java.util.Arrays.copyOfRange(spki, outer[0], end);
    }

    /** PKCS#8: SEQUENCE { INTEGER 0, algorithm, OCTET STRING key }. */
    private static byte[] wrap(byte[] key, byte[] algorithm) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(algorithm);
        body.writeBytes(tlv(0x04, key));
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n > 0xFFFFFF ? 4 : n > 0xFFFF ? 3 : n > 0xFF ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    /** {header length, content length} of the DER element at {@code at}. */
    private static int[] header(byte[] der, int at) throws GeneralSecurityException {
        if (at + 2 > der.length) {
            throw new GeneralSecurityException("truncated DER");
        }
        int first = der[at + 1] & 0xFF;
        if (first < 0x80) {
            return new int[] {2, first};
        }
        int bytes = first & 0x7F;
        if (bytes == 0 || bytes > 4 || at + 2 + bytes > der.length) {
            throw new GeneralSecurityException("unsupported DER length");
        }
        int len = 0;
        for (int i = 0; i < bytes; i++) {
            len = (len << 8) | (der[at + 2 + i] & 0xFF);
        }
        return new int[] {2 + bytes, len};
    }
}
