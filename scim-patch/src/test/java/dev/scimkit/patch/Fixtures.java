package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.message.PatchRequest;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaRegistry;

import java.nio.charset.StandardCharsets;

/** Shared test helpers: the standard resource types and JSON written with single quotes. */
final class Fixtures {

    static final ResourceTypeDefinition USER = SchemaRegistry.standard().user();
    static final ResourceTypeDefinition GROUP = SchemaRegistry.standard().group();
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final PatchEngine LENIENT = PatchEngine.defaults();
    static final PatchEngine STRICT = PatchEngine.builder().mode(PatchMode.STRICT).build();

    private Fixtures() {
    }

    /** JSON with ' for " so test bodies stay readable; a literal ' is written \u0027. */
    static JsonNode json(String singleQuoted) {
        return ScimJson.parse(singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode obj(String singleQuoted) {
        return (ObjectNode) json(singleQuoted);
    }

    /** A PatchOp body around the given operations array text. */
    static PatchRequest ops(String operationsArray) {
        return PatchRequest.fromJson(json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                + "'Operations':" + operationsArray + "}"), true, 10_000);
    }

    static ObjectNode user(String attributes) {
        ObjectNode u = obj("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'id':'u1','userName':'bjensen'}");
        u.setAll(obj(attributes));
        return u;
    }

    static ObjectNode group(String attributes) {
        ObjectNode g = obj("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'id':'g1','displayName':'Admins'}");
        g.setAll(obj(attributes));
        return g;
    }

    static PatchResult patchUser(PatchEngine engine, ObjectNode user, String operationsArray) {
        return engine.plan(USER, ops(operationsArray)).apply(user);
    }

    static PatchResult patchGroup(PatchEngine engine, ObjectNode group, String operationsArray) {
        return engine.plan(GROUP, ops(operationsArray)).apply(group);
    }
}
