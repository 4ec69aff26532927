package com.example.provisioning;

import dev.scimkit.server.ScimServer;
import dev.scimkit.server.servlet.ScimServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Hosts a SCIM engine on embedded Jetty under the tenant URL path an identity provider is given
 * ({@code https://<host>/rest/scim/v2/}). The servlet is mapped with {@code /*}: the engine routes on
 * the path below it.
 */
public final class ScimHost implements AutoCloseable {

    /** The path below which Entra ID and Okta send their requests. */
    public static final String BASE_PATH = "/rest/scim/v2";

    private final Server jetty;
    private final ServerConnector connector;

    private ScimHost(Server jetty, ServerConnector connector) {
        this.jetty = jetty;
        this.connector = connector;
    }

    /** Starts Jetty on {@code host}:{@code port} (port 0 picks a free one) serving {@code scim}. */
    public static ScimHost start(ScimServer scim, String host, int port) throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(host);
        connector.setPort(port);
        jetty.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder("scim", new ScimServlet(scim)), BASE_PATH + "/*");
        jetty.setHandler(context);
        jetty.start();
        return new ScimHost(jetty, connector);
    }

    /** The tenant URL to give the identity provider, without a trailing slash. */
    public String baseUrl() {
        return "http://" + connector.getHost() + ":" + connector.getLocalPort() + BASE_PATH;
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping Jetty", e);
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop cleanly", e);
        }
    }
}
