package dev.scimkit.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.ScimServer;
import dev.scimkit.server.ServerLimits;
import dev.scimkit.server.auth.BearerTokenAuthenticator;
import dev.scimkit.server.memory.InMemoryStore;
import dev.scimkit.server.servlet.ScimServlet;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.server.toolkit.MapRecords;
import dev.scimkit.server.toolkit.RecordRepositories;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The shared fixture of the HTTP tests: a real Jetty 12 on a loopback port serving the engine with an
 * in-memory store and two tenants, plus a java.net.http client that speaks to it the way Entra ID and
 * Okta do, and the request bodies those clients send. A test class registers one per class:
 * {@code @RegisterExtension static final HttpScimServer server = HttpScimServer.perClass();}; it
 * starts before the class's {@code @BeforeAll} methods and stops after its last test.
 */
final class HttpScimServer implements BeforeAllCallback, AfterAllCallback {

    static final String TOKEN_A = "token-for-tenant-a-" + java.util.UUID.randomUUID();
    static final String TOKEN_B = "token-for-tenant-b-" + java.util.UUID.randomUUID();

    final ServerLimits limits;
    private Server jetty;
    private HttpClient client;
    String base;

    private HttpScimServer(ServerLimits limits) {
        this.limits = limits;
    }

    /** A server with small bodies (64 KiB), so the size limits are cheap to reach. */
    static HttpScimServer perClass() {
        return new HttpScimServer(ServerLimits.DEFAULT.withMaxPayloadBytes(64 * 1024));
    }

    @Override
    public void beforeAll(ExtensionContext testClass) throws Exception {
        SchemaRegistry registry = SchemaRegistry.standard();
        Map<String, ResourceRepository> repositories =
                testClass.getRequiredTestClass().isAnnotationPresent(OnRecordRepositories.class)
                        ? RecordRepositories.builder(registry).records("User", new MapRecords())
                                .records("Group", new MapRecords()).build().repositories()
                        : InMemoryStore.create(registry).repositories();
        ScimServer engine = ScimServer.builder(registry)
                .repositories(repositories)
                .authenticator(BearerTokenAuthenticator.builder()
                        .addToken(TenantId.of("a"), TOKEN_A)
                        .addToken(TenantId.of("b"), TOKEN_B)
                        .build())
                .limits(limits)
                .build();
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new ScimServlet(engine)), "/scim/v2/*");
        jetty.setHandler(context);
        jetty.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + "/scim/v2";
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    Reply send(String method, String pathAndQuery, String body) {
        return send(method, pathAndQuery, body == null ? null : body.getBytes(StandardCharsets.UTF_8), TOKEN_A,
                "application/scim+json");
    }

    Reply send(String method, String pathAndQuery, byte[] body, String token, String contentType, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null && contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r, r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    Reply post(String path, String body) {
        return send("POST", path, body);
    }

    Reply put(String path, String body) {
        return send("PUT", path, body);
    }

    Reply patch(String path, String body) {
        return send("PATCH", path, body);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** A query value encoded the way Entra ID does it: spaces as {@code +}, quotes escaped. */
    static String q(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A PatchOp body with the given operations (comma-separated JSON objects). */
    static String patch(String operations) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operations + "]}";
    }

    /** A User as Entra ID's provisioning service creates it (with the enterprise extension). */
    static String user(String userName, String externalId) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],"
                + (externalId == null ? "" : "\"externalId\":\"" + externalId + "\",")
                + "\"userName\":\"" + userName + "\",\"active\":true,"
                + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"" + userName + "@example.com\"}],"
                + "\"meta\":{\"resourceType\":\"User\"},"
                + "\"name\":{\"formatted\":\"givenName familyName\",\"familyName\":\"familyName\",\"givenName\":\"givenName\"},"
                + "\"roles\":[],"
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\"42\",\"department\":\"Ops\"}}";
    }

    @Override
    public void afterAll(ExtensionContext testClass) throws Exception {
        jetty.stop();
    }

    record Reply(int status, HttpResponse<byte[]> raw, byte[] bytes) {
        JsonNode json() {
            return bytes.length == 0 ? MissingNode.getInstance() : ScimJson.parse(bytes);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }
}
