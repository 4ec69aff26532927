package dev.scimkit.tracktik.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.BaseUrlResolver;
import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.ScimResponse;
import dev.scimkit.server.ScimServer;
import dev.scimkit.server.auth.BearerTokenAuthenticator;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.port.TrackTikStore;
import dev.scimkit.tracktik.scim.TrackTikRepositories;

/** A SCIM server over a TrackTik store, called without HTTP, with a bearer token per tenant. */
public final class TrackTikEngine {

    static final String TOKEN_A = "token-tenant-a-0123456789";
    static final String TOKEN_B = "token-tenant-b-0123456789";

    final ScimServer server;
    public final TrackTikStore store;

    public TrackTikEngine(TrackTikStore store) {
        this(store, SchemaRegistry.standard(), b -> b);
    }

    /** An engine over {@code registry}, with the adapter's options set by {@code configure}. */
    public TrackTikEngine(TrackTikStore store, SchemaRegistry registry,
                   java.util.function.UnaryOperator<TrackTikRepositories.Builder> configure) {
        this.store = store;
        // User, Group and, on the JDBC store, every type the registry declares beside them
        server = ScimServer.builder(registry)
                .repositories(configure.apply(TrackTikRepositories.builder(registry, store)).build().repositories())
                .authenticator(BearerTokenAuthenticator.builder()
                        .addToken(TenantId.of("portal-a"), "entra", TOKEN_A)
                        .addToken(TenantId.of("portal-b"), "okta", TOKEN_B)
                        .build())
                .baseUrlResolver(BaseUrlResolver.fixed("https://portal.example.com/rest/scim/v2/"))
                .build();
    }

    ScimResponse callAs(String token, String method, String pathAndQuery, String body, String... headers) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        ScimRequest.Builder b = ScimRequest.builder(method, path).header("Authorization", "Bearer " + token);
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                b.queryParameter(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        if (body != null) {
            b.body(body).header("Content-Type", "application/scim+json");
        }
        return server.handle(b.build());
    }

    public ScimResponse call(String method, String pathAndQuery, String body, String... headers) {
        return callAs(TOKEN_A, method, pathAndQuery, body, headers);
    }

    public JsonNode ok(int status, String method, String pathAndQuery, String body, String... headers) {
        ScimResponse r = call(method, pathAndQuery, body, headers);
        if (r.status() != status) {
            throw new AssertionError("expected " + status + " from " + method + " " + pathAndQuery + " but got "
                    + r.status() + " " + r.bodyText());
        }
        return r.bodyLength() == 0 ? null : r.bodyJson();
    }
}
