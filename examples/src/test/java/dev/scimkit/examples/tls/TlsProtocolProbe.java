package dev.scimkit.examples.tls;

import dev.scimkit.examples.ExampleServer;
import dev.scimkit.examples.ServerOptions;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * Runs in a JVM of its own whose security properties allow TLS 1.1 again (the JDK refuses it by
 * default, which would hide whether the server refuses it): starts the example server on HTTPS and a
 * bare JDK TLS server as a control, and prints which protocol each accepted. Arguments: the PEM
 * certificate and key.
 */
public final class TlsProtocolProbe {

    private TlsProtocolProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path cert = Path.of(args[0]);
        Path key = Path.of(args[1]);
        ServerOptions options = ServerOptions.parse(new String[] {"--store", "memory", "--port", "0", "--token",
                "probe-token", "--data-dir", cert.getParent().resolve("data").toString(),
                "--tls-cert", cert.toString(), "--tls-key", key.toString()}, Map.of());
        TlsMaterial material = TlsMaterial.load(options.security().tls().orElseThrow());
        SSLContext trust = TestCertificates.trusting(material.leaf());
        try (ExampleServer server = ExampleServer.start(options); SSLServerSocket control = control(material)) {
            Thread acceptor = new Thread(() -> acceptOne(control));
            acceptor.start();
            System.out.println("control TLSv1.1 " + attempt(trust, control.getLocalPort(), "TLSv1.1"));
            acceptor.join(60_000);
            System.out.println("server TLSv1.1 " + attempt(trust, server.port(), "TLSv1.1"));
            System.out.println("server TLSv1.2 " + attempt(trust, server.port(), "TLSv1.2"));
            System.out.println("server TLSv1.3 " + attempt(trust, server.port(), "TLSv1.3"));
        }
        System.exit(0);
    }

    /** A TLS server with the JDK's defaults, on the same certificate. */
    private static SSLServerSocket control(TlsMaterial material) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(material.keyStore(), material.password().toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0);
        socket.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2", "TLSv1.1"});
        return socket;
    }

    private static void acceptOne(SSLServerSocket control) {
        try (SSLSocket s = (SSLSocket) control.accept()) {
            s.setSoTimeout(60_000);
            s.startHandshake();
            s.getInputStream().read();
        } catch (Exception e) {
            // the client closes; what matters is what the client saw
        }
    }

    private static String attempt(SSLContext trust, int port, String protocol) {
        try (SSLSocket socket = (SSLSocket) trust.getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(60_000);
            socket.setEnabledProtocols(new String[] {protocol});
            socket.startHandshake();
            X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            return peer != null && protocol.equals(socket.getSession().getProtocol()) ? "accepted" : "other";
        } catch (Exception e) {
            return "refused";
        }
    }

}
