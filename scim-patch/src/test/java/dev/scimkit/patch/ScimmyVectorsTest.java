package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.message.PatchRequest;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.testing.SharedDir;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.scimkit.patch.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SCIMMY's PATCH vectors ({@code scimmy/patchop.json} of the conformance data, found by {@link SharedDir}). Vectors that encode SCIMMY's own
 * non-RFC behaviour are skipped with the reason; vectors that are client dialects pass in lenient mode
 * and get the RFC error in strict mode.
 */
class ScimmyVectorsTest {

    private static final String FILE = "scimmy/patchop.json";
    private static final String WHAT = "SCIMMY's PATCH vectors";

    /** Vectors that are not RFC 7644 behaviour, keyed "op#index". */
    private static final Map<String, String> SKIPPED = Map.of(
            "add#3", "unquoted filter value (value eq 123abc) and a $ref of \"User\": neither is RFC 7644 §3.4.2.2 / RFC 7643 §2.3.7",
            "remove#3", "SCIMMY reads \"$ref\": null as 'has no $ref'; RFC 7643 §2.5 makes null unassigned, and Entra ID sends"
                    + " $ref null on every member it removes, so both members with that value are removed here",
            "remove#7", "unquoted filter value (value eq 123abc) is not RFC 7644 §3.4.2.2",
            "replace#1", "SCIMMY replaces the whole complex value; RFC 7644 §3.5.2.3 says sub-attributes not specified are"
                    + " left unchanged (checked in replaceOfComplexMergesPerRfc)");

    /** Vectors that are a client dialect: accepted when lenient, this error when strict. */
    private static final Map<String, ScimErrorType> LENIENT_ONLY = Map.of(
            "remove#1", ScimErrorType.INVALID_VALUE,   // remove with a value
            "remove#5", ScimErrorType.INVALID_VALUE,   // remove with a value (Entra's member removal)
            "replace#2", ScimErrorType.INVALID_VALUE,  // one object for a multi-valued attribute
            "replace#3", ScimErrorType.NO_TARGET);     // filtered replace that matches nothing creates the element

    @TestFactory
    List<DynamicTest> vectors() throws IOException {
        if (!SharedDir.available()) {
            return List.of(SharedDir.skippedTest(FILE, WHAT));
        }
        JsonNode inbound = ScimJson.parse(Files.readAllBytes(SharedDir.conformanceFile(FILE, WHAT))).get("inbound");
        List<DynamicTest> tests = new ArrayList<>();
        for (String op : List.of("add", "remove", "replace")) {
            JsonNode vectors = inbound.get(op);
            for (int i = 0; i < vectors.size(); i++) {
                String key = op + "#" + i;
                JsonNode v = vectors.get(i);
                if (SKIPPED.containsKey(key)) {
                    assertThat(SKIPPED.get(key)).isNotBlank();
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(key + " lenient", () -> run(LENIENT, v, null)));
                tests.add(DynamicTest.dynamicTest(key + " strict", () -> run(STRICT, v, LENIENT_ONLY.get(key))));
            }
        }
        assertThat(tests).hasSize(2 * (18 - SKIPPED.size()));
        return tests;
    }

    private static void run(PatchEngine engine, JsonNode vector, ScimErrorType strictError) {
        ObjectNode source = (ObjectNode) vector.get("source").deepCopy();
        ObjectNode target = (ObjectNode) vector.get("target").deepCopy();
        // SCIMMY puts members on a resource with a userName; here members live on Groups
        ResourceTypeDefinition type = source.has("members") ? GROUP : USER;
        if (type == GROUP) {
            for (ObjectNode n : List.of(source, target)) {
                n.remove("userName");
                n.put("displayName", "asdf");
            }
        }
        ArrayNode schemas = ScimJson.mapper().createArrayNode().add(type.schema().id());
        source.set("schemas", schemas.deepCopy());
        target.set("schemas", schemas.deepCopy());
        ObjectNode body = ScimJson.object();
        body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
        body.set("Operations", vector.get("ops"));
        PatchRequest request = PatchRequest.fromJson(body, true, 100);
        if (strictError != null) {
            assertThatThrownBy(() -> engine.plan(type, request).apply(source))
                    .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).contains(strictError));
            return;
        }
        assertThat(engine.plan(type, request).apply(source).resource()).isEqualTo(target);
    }

    @org.junit.jupiter.api.Test
    void replaceOfComplexMergesPerRfc() {
        PatchResult r = patchUser(STRICT, user("{'name':{'honorificPrefix':'Mr'}}"),
                "[{'op':'replace','path':'name','value':{'formatted':'Test'}}]");
        assertThat(r.resource().get("name")).isEqualTo(json("{'honorificPrefix':'Mr','formatted':'Test'}"));
    }
}
