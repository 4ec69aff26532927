package dev.scimkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.SchemaDefinition;
import dev.scimkit.core.schema.SchemaRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Versions, conditional requests, routing, discovery, /Me and Bulk through the engine. */
class ProtocolTest {

    private final EngineFixture f = new EngineFixture();

    @Test
    void eTagsAndConditionalRequests() {
        String id = f.createUser("versioned", null);
        ScimResponse got = f.call("GET", "/Users/" + id, null);
        String etag = got.header("ETag").orElseThrow();
        assertThat(etag).startsWith("W/\"");
        assertThat(got.bodyJson().path("meta").path("version").asText()).isEqualTo(etag);

        ScimResponse notModified = f.call("GET", "/Users/" + id, null, "If-None-Match", etag);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.bodyLength()).isZero();
        assertThat(f.call("GET", "/Users/" + id, null, "If-None-Match", "W/\"nope\"").status()).isEqualTo(200);

        String patch = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]}";
        ScimResponse stale = f.call("PATCH", "/Users/" + id, patch, "If-Match", "W/\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.bodyJson().path("status").asText()).isEqualTo("412");
        ScimResponse fresh = f.call("PATCH", "/Users/" + id, patch, "If-Match", etag);
        assertThat(fresh.status()).isEqualTo(200);
        String newTag = fresh.header("ETag").orElseThrow();
        assertThat(newTag).isNotEqualTo(etag);
        assertThat(f.call("PUT", "/Users/" + id, "{\"userName\":\"versioned\"}", "If-Match", etag).status()).isEqualTo(412);
        assertThat(f.call("PUT", "/Users/" + id, "{\"userName\":\"versioned\"}", "If-Match", "\"x\", " + newTag).status()).isEqualTo(200);
        assertThat(f.call("DELETE", "/Users/" + id, null, "If-Match", newTag).status()).isEqualTo(412);
        assertThat(f.call("DELETE", "/Users/" + id, null, "If-Match", "*").status()).isEqualTo(204);
    }

    @Test
    void putIgnoresReadOnlyInputAndEnforcesUniqueness() {
        String id = f.createUser("first", null);
        f.createUser("second", null);
        ScimResponse r = f.call("PUT", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"id\":\"hijack\",\"userName\":\"first\",\"meta\":{\"created\":\"1999-01-01T00:00:00Z\"},\"groups\":[{\"value\":\"g\"}]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bodyJson().path("id").asText()).isEqualTo(id);
        assertThat(r.bodyJson().path("meta").path("created").asText()).isNotEqualTo("1999-01-01T00:00:00Z");
        assertThat(r.bodyJson().has("groups")).isFalse();
        ScimResponse clash = f.call("PUT", "/Users/" + id, "{\"userName\":\"SECOND\"}");
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.bodyJson().path("scimType").asText()).isEqualTo("uniqueness");
    }

    @Test
    void endpointNamesIgnoreCaseAndTrailingSlashes() {
        f.createUser("routed", null);
        assertThat(f.call("GET", "/users", null).status()).isEqualTo(200);
        assertThat(f.call("GET", "/Users/", null).bodyJson().path("totalResults").asInt()).isEqualTo(1);
        assertThat(f.call("GET", "/serviceproviderconfig", null).status()).isEqualTo(200);
    }

    @Test
    void discoveryIsGeneratedFromTheRegistry() {
        SchemaDefinition custom = new SchemaDefinition("urn:example:params:scim:schemas:extension:acme:2.0:User", "AcmeUser", "Acme",
                List.of(AttributeDefinition.builder("badge", AttributeType.STRING).build()));
        SchemaRegistry registry = SchemaRegistry.standard().toBuilder().addExtension("User", custom, false).build();
        EngineFixture acme = new EngineFixture(registry, ServerLimits.DEFAULT.withBulkMaxOperations(7));

        JsonNode spc = acme.json("GET", "/ServiceProviderConfig", null);
        assertThat(spc.path("bulk").path("maxOperations").asInt()).isEqualTo(7);
        assertThat(spc.path("bulk").path("maxPayloadSize").asInt()).isEqualTo(ServerLimits.DEFAULT.maxPayloadBytes());
        assertThat(spc.path("patch").path("supported").asBoolean()).isTrue();
        assertThat(spc.path("etag").path("supported").asBoolean()).isTrue();
        assertThat(spc.path("authenticationSchemes").get(0).path("type").asText()).isEqualTo("oauthbearertoken");

        JsonNode types = acme.json("GET", "/ResourceTypes", null);
        assertThat(types.path("totalResults").asInt()).isEqualTo(2);
        JsonNode user = acme.json("GET", "/ResourceTypes/User", null);
        assertThat(user.path("endpoint").asText()).isEqualTo("/Users");
        assertThat(user.path("schemaExtensions").toString()).contains(custom.id());

        JsonNode schemas = acme.json("GET", "/Schemas", null);
        assertThat(schemas.path("Resources").toString()).contains(custom.id());
        JsonNode one = acme.json("GET", "/Schemas/" + custom.id(), null);
        assertThat(one.path("attributes").get(0).path("name").asText()).isEqualTo("badge");
        assertThat(acme.call("GET", "/Schemas?filter=id eq \"x\"", null).status()).isEqualTo(403);

        String id = acme.createUser("acme", "\"" + custom.id() + "\":{\"badge\":\"B-7\"}");
        JsonNode stored = acme.json("GET", "/Users/" + id + "?attributes=" + custom.id() + ":badge", null);
        assertThat(stored.path(custom.id()).path("badge").asText()).isEqualTo("B-7");
    }

    @Test
    void serviceProviderConfigAdvertisesWhatTheServerDoes() {
        ServerLimits limits = ServerLimits.DEFAULT.withBulkMaxOperations(9).withMaxPageSize(250).withMaxPayloadBytes(8_192);
        JsonNode spc = new EngineFixture(SchemaRegistry.standard(), limits).json("GET", "/ServiceProviderConfig", null);
        assertThat(spc.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        assertThat(spc.path("patch").path("supported").isBoolean()).isTrue();
        assertThat(spc.path("patch").path("supported").booleanValue()).isTrue();
        assertThat(spc.path("bulk").path("supported").booleanValue()).isTrue();
        assertThat(spc.path("bulk").path("maxOperations").intValue()).isEqualTo(9);
        assertThat(spc.path("bulk").path("maxPayloadSize").intValue()).isEqualTo(8_192);
        assertThat(spc.path("filter").path("supported").booleanValue()).isTrue();
        assertThat(spc.path("filter").path("maxResults").intValue()).isEqualTo(250);
        assertThat(spc.path("changePassword").path("supported").isBoolean()).isTrue();
        assertThat(spc.path("changePassword").path("supported").booleanValue()).isFalse();
        assertThat(spc.path("sort").path("supported").booleanValue()).isTrue();
        assertThat(spc.path("etag").path("supported").booleanValue()).isTrue();
        JsonNode schemes = spc.path("authenticationSchemes");
        assertThat(schemes).hasSize(1);
        JsonNode bearer = schemes.get(0);
        assertThat(bearer.path("type").asText()).isEqualTo("oauthbearertoken");
        assertThat(bearer.path("name").asText()).isNotBlank();
        assertThat(bearer.path("description").asText()).isNotBlank();
        assertThat(bearer.path("primary").booleanValue()).isTrue();
    }

    @Test
    void meIsTheCallersUserOr501() {
        ScimResponse none = f.call("GET", "/Me", null);
        assertThat(none.status()).isEqualTo(501);
        assertThat(none.bodyJson().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        String id = f.createUser("myself", null);
        JsonNode me = f.json("GET", "/Me", null, "X-User", id);
        assertThat(me.path("userName").asText()).isEqualTo("myself");
    }

    @Test
    void unauthenticatedRequestsAre401() {
        ScimResponse r = f.server.handle(ScimRequest.builder("GET", "/Users").build());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isPresent();
    }

    @Test
    void bulkResolvesBulkIdsIncludingGroupMembersAndForwardReferences() {
        String body = """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
                  {"method":"POST","path":"/Groups","bulkId":"g1","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],
                     "displayName":"Tour Guides","members":[{"type":"User","value":"bulkId:u1"}]}},
                  {"method":"POST","path":"/Users","bulkId":"u1","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"Alice"}},
                  {"method":"PATCH","path":"/Users/bulkId:u1","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                     "Operations":[{"op":"replace","path":"title","value":"Guide"}]}},
                  {"method":"POST","path":"/Users","bulkId":"u2","data":{"userName":"alice"}}
                ]}""";
        ScimResponse r = f.call("POST", "/Bulk", body);
        assertThat(r.status()).isEqualTo(200);
        JsonNode ops = r.bodyJson().path("Operations");
        assertThat(ops).hasSize(4);
        assertThat(ops.get(0).path("status").asText()).isEqualTo("201");
        assertThat(ops.get(1).path("status").asText()).isEqualTo("201");
        assertThat(ops.get(2).path("status").asText()).isEqualTo("200");
        assertThat(ops.get(3).path("status").asText()).isEqualTo("409");
        assertThat(ops.get(3).path("response").path("scimType").asText()).isEqualTo("uniqueness");
        String userLocation = ops.get(1).path("location").asText();
        String userId = userLocation.substring(userLocation.lastIndexOf('/') + 1);
        assertThat(ops.get(1).path("version").asText()).startsWith("W/");
        JsonNode group = f.json("GET", ops.get(0).path("location").asText().substring(EngineFixture.BASE.length()), null);
        assertThat(group.path("members").get(0).path("value").asText()).isEqualTo(userId);
        assertThat(f.json("GET", "/Users/" + userId, null).path("title").asText()).isEqualTo("Guide");
    }

    @Test
    void bulkStopsAfterFailOnErrorsAndEnforcesMaxOperations() {
        String body = """
                {"failOnErrors":1,"Operations":[
                  {"method":"DELETE","path":"/Users/missing"},
                  {"method":"POST","path":"/Users","bulkId":"x","data":{"userName":"never"}}
                ]}""";
        JsonNode ops = f.json("POST", "/Bulk", body).path("Operations");
        assertThat(ops).hasSize(1);
        assertThat(ops.get(0).path("status").asText()).isEqualTo("404");
        assertThat(f.json("GET", "/Users?filter=userName eq \"never\"", null).path("totalResults").asInt()).isZero();

        EngineFixture tiny = new EngineFixture(SchemaRegistry.standard(), ServerLimits.DEFAULT.withBulkMaxOperations(1));
        ScimResponse tooMany = tiny.call("POST", "/Bulk", "{\"Operations\":[{\"method\":\"DELETE\",\"path\":\"/Users/a\"},{\"method\":\"DELETE\",\"path\":\"/Users/b\"}]}");
        assertThat(tooMany.status()).isEqualTo(413);
    }

    @Test
    void bulkReportsUndefinedAndCircularReferences() {
        String body = """
                {"Operations":[
                  {"method":"POST","path":"/Groups","bulkId":"a","data":{"displayName":"A","members":[{"value":"bulkId:b"}]}},
                  {"method":"POST","path":"/Groups","bulkId":"b","data":{"displayName":"B","members":[{"value":"bulkId:a"}]}},
                  {"method":"POST","path":"/Groups","bulkId":"c","data":{"displayName":"C","members":[{"value":"bulkId:zzz"}]}}
                ]}""";
        JsonNode ops = f.json("POST", "/Bulk", body).path("Operations");
        assertThat(ops).hasSize(3);
        assertThat(ops.get(0).path("status").asText()).isEqualTo("409");
        assertThat(ops.get(1).path("status").asText()).isEqualTo("409");
        assertThat(ops.get(2).path("status").asText()).isEqualTo("400");
    }

    @Test
    void contentTypesWithCharsetsAreAccepted() {
        for (String type : new String[] {"application/json", "application/scim+json; charset=utf-8", "APPLICATION/JSON;charset=ISO-8859-1"}) {
            ScimResponse r = f.server.handle(ScimRequest.builder("POST", "/Users").header("X-Tenant", "t1")
                    .header("Content-Type", type).body("{\"userName\":\"ct-" + type.length() + "\"}").build());
            assertThat(r.status()).as(type).isEqualTo(201);
            assertThat(r.header("Content-Type").orElseThrow()).startsWith("application/scim+json");
        }
    }
}
