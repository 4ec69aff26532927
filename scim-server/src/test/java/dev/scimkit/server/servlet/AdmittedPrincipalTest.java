package dev.scimkit.server.servlet;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.ScimResponse;
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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The principal a request was admitted as reaches the filters around the servlet without a second
 * authentication ({@link ScimServer#handle(ScimRequest, java.util.function.Consumer)},
 * {@link ScimServlet#PRINCIPAL_ATTRIBUTE}): the access log and Spring Boot's observation used to hash
 * the token (or check the JWT) again for every request. A refused request, or a filter that asks
 * before the servlet, still gets the authenticator's own answer. Over a real Jetty on a loopback port.
 */
class AdmittedPrincipalTest {

    private static final String TOKEN = "token-" + java.util.UUID.randomUUID();
    private static final ScimPrincipal ENTRA = ScimPrincipal.client(TenantId.of("tenant-a"), "entra");

    private final AtomicInteger authentications = new AtomicInteger();
    private final Authenticator counting = request -> {
        authentications.incrementAndGet();
        return request.headers().first("Authorization").filter(("Bearer " + TOKEN)::equals).map(t -> ENTRA);
    };
    /** What each filter found, in order: "before" (ahead of the servlet), "after" (once it answered). */
    private final List<String> seen = new CopyOnWriteArrayList<>();
    /** Released when the filter has had its look after the servlet: the client may read the answer before. */
    private final Semaphore filtered = new Semaphore(0);
    private Server jetty;
    private int port;

    @BeforeEach
    void start() throws Exception {
        ScimServer engine = engine();
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new ScimServlet(engine)), "/scim/v2/*");
        context.addFilter(new FilterHolder(new Asking()), "/scim/v2/*", EnumSet.of(DispatcherType.REQUEST));
        jetty.setHandler(context);
        jetty.start();
        port = connector.getLocalPort();
    }

    /** The engine on the in-memory store, authenticating with {@link #counting}, bodies up to 1 KiB. */
    private ScimServer engine() {
        SchemaRegistry registry = SchemaRegistry.standard();
        return ScimServer.builder(registry)
                .repositories(InMemoryStore.create(registry).repositories())
                .authenticator(counting)
                .limits(ServerLimits.DEFAULT.withMaxPayloadBytes(1024))
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
    }

    @Test
    void anAdmittedRequestIsAuthenticatedOnceAndItsPrincipalReachesTheFiltersAfterTheServlet() throws IOException {
        String reply = send("GET /scim/v2/Users?filter=userName%20eq%20%22ada%22 HTTP/1.1", "Bearer " + TOKEN, null);

        assertThat(reply).startsWith("HTTP/1.1 200");
        assertThat(seen).containsExactly("before: tenant-a/entra", "after: tenant-a/entra");
        // the filter's own question before the servlet, then the engine's; none after it
        assertThat(authentications).hasValue(2);
    }

    @Test
    void aRefusedRequestLeavesNoPrincipalAndTheFilterAsksTheAuthenticator() throws IOException {
        String reply = send("GET /scim/v2/Users HTTP/1.1", "Bearer not-" + TOKEN, null);

        assertThat(reply).startsWith("HTTP/1.1 401");
        assertThat(seen).containsExactly("before: none", "after: none");
        assertThat(authentications).hasValue(3);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeTheEngineAndTheFilterStillNamesTheCaller() throws IOException {
        String reply = send("POST /scim/v2/Users HTTP/1.1", "Bearer " + TOKEN, "x".repeat(2048));

        assertThat(reply).startsWith("HTTP/1.1 413");
        assertThat(seen).containsExactly("before: tenant-a/entra", "after: tenant-a/entra");
        assertThat(authentications).hasValue(2);
    }

    @Test
    void theEngineTellsWhoItAdmittedAndNothingForARefusal() {
        ScimServer engine = engine();
        List<ScimPrincipal> admitted = new ArrayList<>();

        ScimResponse ok = engine.handle(ScimRequest.builder("GET", "/Users").header("Authorization", "Bearer " + TOKEN)
                .build(), admitted::add);
        ScimResponse refused = engine.handle(ScimRequest.builder("GET", "/Users").header("Authorization", "Bearer x")
                .build(), admitted::add);

        assertThat(ok.status()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(admitted).containsExactly(ENTRA);
    }

    /** Asks who the caller is before the servlet and again after it, as a logging or metering filter does. */
    private final class Asking extends HttpFilter {
        @Override
        protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
                throws IOException, ServletException {
            seen.add("before: " + describe(ScimServlet.principalOf(req, counting)));
            try {
                chain.doFilter(req, resp);
            } finally {
                seen.add("after: " + describe(ScimServlet.principalOf(req, counting)));
                filtered.release();
            }
        }

        private static String describe(Optional<ScimPrincipal> principal) {
            return principal.map(p -> p.tenant().value() + "/" + p.name()).orElse("none");
        }
    }

    private String send(String requestLine, String authorization, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = requestLine + "\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: " + authorization
                + (body == null ? "" : "\r\nContent-Type: application/scim+json\r\nContent-Length: " + bytes.length)
                + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(filtered.tryAcquire(30, TimeUnit.SECONDS)).as("the filter ran after the servlet").isTrue();
            return reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
