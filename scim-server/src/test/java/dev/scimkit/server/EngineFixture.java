package dev.scimkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.memory.InMemoryStore;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;


/** The engine without HTTP: an in-memory store and an authenticator keyed by a test header. */
final class EngineFixture {

    static final String BASE = "https://scim.example.com/v2";

    final ScimServer server;

    EngineFixture() {
        this(SchemaRegistry.standard(), ServerLimits.DEFAULT);
    }

    EngineFixture(SchemaRegistry registry, ServerLimits limits) {
        InMemoryStore store = InMemoryStore.create(registry);
        Authenticator auth = request -> request.headers().first("X-Tenant").map(t ->
                new ScimPrincipal(TenantId.of(t), "test", request.headers().first("X-User")));
        server = ScimServer.builder(registry)
                .repositories(store.repositories())
                .authenticator(auth)
                .limits(limits)
                .baseUrlResolver(BaseUrlResolver.fixed(BASE + "/"))
                .build();
    }

    ScimResponse call(String method, String pathAndQuery, String body, String... headers) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        ScimRequest.Builder b = ScimRequest.builder(method, path).header("X-Tenant", "t1");
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                b.queryParameter(pair.substring(0, eq), pair.substring(eq + 1));
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

    JsonNode json(String method, String pathAndQuery, String body, String... headers) {
        return call(method, pathAndQuery, body, headers).bodyJson();
    }

    String createUser(String userName, String extra) {
        ScimResponse r = call("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                + userName + "\"" + (extra == null ? "" : "," + extra) + "}");
        if (r.status() != 201) {
            throw new AssertionError(r.status() + " " + r.bodyText());
        }
        return r.bodyJson().path("id").asText();
    }

    String createGroup(String displayName, String... memberIds) {
        StringBuilder members = new StringBuilder();
        for (String m : memberIds) {
            members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(m).append("\"}");
        }
        ScimResponse r = call("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\""
                + displayName + "\",\"members\":[" + members + "]}");
        if (r.status() != 201) {
            throw new AssertionError(r.status() + " " + r.bodyText());
        }
        return r.bodyJson().path("id").asText();
    }

}
