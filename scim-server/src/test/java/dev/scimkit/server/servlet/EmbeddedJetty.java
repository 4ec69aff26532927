package dev.scimkit.server.servlet;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.ScimServer;
import dev.scimkit.server.ServerLimits;
import dev.scimkit.server.memory.InMemoryStore;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An application as an embedding developer assembles it on a real Jetty 12 on a loopback port: a
 * context at {@code /app} behind a proxy that sends {@code X-Forwarded-*}, two SCIM servlets
 * ({@code /scim/v2/*}, {@code /scim/v1/*}) each with its {@link ScimContainerErrors} on error
 * dispatches, the application's own HTML error page for everything else, a gate filter in front of
 * SCIM that refuses or fails on request, and a metering filter that names the caller with
 * {@link ScimServlet#principalOf}. Requests go over a plain socket, byte for byte as written.
 */
final class EmbeddedJetty implements AutoCloseable {

    static final String TOKEN = "token-" + java.util.UUID.randomUUID();
    static final int LIMIT = 4 * 1024;

    private final Server jetty;
    final int port;
    final ScimServer engine;

    private EmbeddedJetty(Server jetty, int port, ScimServer engine) {
        this.jetty = jetty;
        this.port = port;
        this.engine = engine;
    }

    static EmbeddedJetty start() throws Exception {
        Authenticator bearer = request -> request.headers().first("Authorization")
                .filter(("Bearer " + TOKEN)::equals)
                .map(t -> ScimPrincipal.client(TenantId.of("tenant-a"), "entra"));
        SchemaRegistry registry = SchemaRegistry.standard();
        ScimServer engine = ScimServer.builder(registry)
                .repositories(InMemoryStore.create(registry).repositories())
                .authenticator(bearer)
                .limits(ServerLimits.DEFAULT.withMaxPayloadBytes(LIMIT))
                .build();
        Server jetty = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.addCustomizer(new ForwardedRequestCustomizer());
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/app");
        context.addServlet(new ServletHolder(new ScimServlet(engine)), "/scim/v2/*");
        context.addServlet(new ServletHolder(new ScimServlet(engine)), "/scim/v1/*");
        context.addServlet(new ServletHolder(new ApplicationPage()), "/other/*");
        context.addServlet(new ServletHolder(new ApplicationErrorPage()), "/error");
        context.addFilter(new FilterHolder(new Gate()), "/scim/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new Metering(bearer)), "/scim/v2/*", EnumSet.of(DispatcherType.REQUEST));
        // The form with a trailing slash, and the one without: both name the same base path.
        context.addFilter(new FilterHolder(new ScimContainerErrors("/scim/v2/")), "/*", EnumSet.of(DispatcherType.ERROR));
        context.addFilter(new FilterHolder(new ScimContainerErrors("/scim/v1")), "/*", EnumSet.of(DispatcherType.ERROR));
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(400, 599, "/error");
        errors.addErrorPage(Throwable.class, "/error");
        context.setErrorHandler(errors);
        jetty.setHandler(context);
        jetty.start();
        return new EmbeddedJetty(jetty, connector.getLocalPort(), engine);
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}, asking to close. */
    Reply send(String head, byte[] body) throws IOException {
        return send(head + "\r\nConnection: close", body, true);
    }

    /**
     * Sends {@code head} and {@code body} and reads one answer (by its {@code Content-Length}, its chunks, or
     * to the end of the stream when {@code toEnd}).
     */
    Reply send(String head, byte[] body, boolean toEnd) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return Reply.read(socket.getInputStream(), toEnd);
        }
    }

    /** A GET of {@code target} (below the server root) with the bearer token and more header lines. */
    Reply get(String target, String... headerLines) throws IOException {
        StringBuilder head = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAuthorization: Bearer " + TOKEN);
        for (String line : headerLines) {
            head.append("\r\n").append(line);
        }
        return send(head.toString(), null);
    }

    /** A POST of a JSON body to {@code target} with the bearer token. */
    Reply post(String target, byte[] body) throws IOException {
        return send("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/scim+json\r\nContent-Length: " + body.length, body);
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }

    /** An HTTP answer: status, headers (names in lower case, last value wins), body. */
    record Reply(int status, Map<String, String> headers, byte[] body) {

        static Reply read(InputStream in, boolean toEnd) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("no complete answer: " + head.toString(StandardCharsets.ISO_8859_1));
                }
                head.write(b);
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).trim().split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            byte[] body;
            if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunk(in);
            } else {
                body = toEnd ? in.readAllBytes() : new byte[0];
            }
            return new Reply(status, headers, body);
        }

        private static byte[] unchunk(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
                if (size == 0) {
                    line(in);
                    return out.toByteArray();
                }
                out.write(in.readNBytes(size));
                line(in);
            }
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        com.fasterxml.jackson.databind.JsonNode json() {
            return dev.scimkit.core.json.ScimJson.parse(body);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + text();
        }
    }

    /** An application filter in front of SCIM: refuses with 403 on {@code X-Blocked}, fails on {@code X-Explode}. */
    private static final class Gate extends HttpFilter {
        @Override
        protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
                throws IOException, ServletException {
            if (req.getHeader("X-Blocked") != null) {
                resp.setHeader("X-Gate-Internal", "rule 17 of /etc/gate.conf");
                resp.setContentType("text/html");
                resp.sendError(403, "<h1>blocked by rule 17</h1>");
                return;
            }
            if (req.getHeader("X-Explode") != null) {
                throw new IllegalStateException("gate database at jdbc:postgresql://10.0.0.5/gate is down");
            }
            chain.doFilter(req, resp);
        }
    }

    /** Names the tenant and client of a request in a header, as a metering or logging filter would. */
    private static final class Metering extends HttpFilter {
        private final transient Authenticator authenticator;

        Metering(Authenticator authenticator) {
            this.authenticator = authenticator;
        }

        @Override
        protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
                throws IOException, ServletException {
            resp.setHeader("X-Metered", ScimServlet.principalOf(req, authenticator)
                    .map(p -> p.tenant().value() + "/" + p.name()).orElse("anonymous"));
            chain.doFilter(req, resp);
        }
    }

    /** A page of the application outside SCIM: unknown below {@code /other}. */
    private static final class ApplicationPage extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.sendError(404);
        }
    }

    /** The application's own error page, which SCIM paths must never show. */
    private static final class ApplicationErrorPage extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().write("<html><body>Application error page</body></html>");
        }
    }
}
