package dev.scimkit.server.http;

import dev.scimkit.server.ScimServer;
import dev.scimkit.server.servlet.ScimServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One engine on a real Jetty on a loopback port, and a client: for tests that build their own engine. */
final class LoopbackScim implements AutoCloseable {

    private final Server jetty;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final String base;

    private LoopbackScim(Server jetty, String base) {
        this.jetty = jetty;
        this.base = base;
    }

    static LoopbackScim start(ScimServer engine) throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new ScimServlet(engine)), "/scim/v2/*");
        jetty.setHandler(context);
        jetty.start();
        return new LoopbackScim(jetty, "http://127.0.0.1:" + connector.getLocalPort() + "/scim/v2");
    }

    /** GET {@code path} with {@code Authorization: Bearer token} (none when token is null). */
    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
