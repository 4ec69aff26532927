package dev.scimkit.examples.tls;

import dev.scimkit.examples.SecurityOptions;
import dev.scimkit.examples.ServerOptions;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTPS connector of the example server: TLS 1.3 and 1.2 only, HTTP/2 when the client offers it
 * through ALPN (HTTP/1.1 otherwise), {@code Strict-Transport-Security} on every answer, and the
 * certificate reloaded by a {@link CertificateReloader} when its files change.
 */
public final class HttpsConnector {

    /** The protocols a client may speak; older ones are refused even where the JDK would still allow them. */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private HttpsConnector() {
    }

    /**
     * A connector for {@code jetty} serving HTTPS with the material {@code tls} names, and its reloader
     * (started with the server, stopped with it).
     *
     * @throws ServerOptions.InvalidOptionsException when the certificate or key cannot be used
     */
    public static ServerConnector create(Server jetty, HttpConfiguration http, SecurityOptions.Tls tls) {
        TlsMaterial material;
        try {
            material = TlsMaterial.load(tls);
        } catch (TlsMaterial.InvalidTlsMaterialException e) {
            throw new ServerOptions.InvalidOptionsException("TLS: " + e.getMessage());
        }
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(material.keyStore());
        ssl.setKeyStorePassword(material.password());
        ssl.setKeyManagerPassword(material.password());
        ssl.setIncludeProtocols(PROTOCOLS);
        // HTTP/2 forbids some TLS 1.2 ciphers (RFC 9113 appendix A): offer the allowed ones first.
        ssl.setCipherComparator(HTTP2Cipher.COMPARATOR);
        ssl.setUseCipherSuitesOrder(true);
        ssl.setSniRequired(false);

        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // One certificate for the whole server: a client that connects by IP address is still served.
        secure.setSniHostCheck(false);
        if (!tls.hstsMaxAge().isZero()) {
            secure.setStsMaxAge(tls.hstsMaxAge().toSeconds());
        }
        https.addCustomizer(secure);
        https.setSecureScheme("https");

        HttpConnectionFactory http11 = new HttpConnectionFactory(https);
        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(https);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(http11.getProtocol());
        SslConnectionFactory tlsFactory = new SslConnectionFactory(ssl, alpn.getProtocol());
        ServerConnector connector = new ServerConnector(jetty, tlsFactory, alpn, h2, http11);
        connector.addBean(new CertificateReloader(tls, ssl, material));
        return connector;
    }
}
