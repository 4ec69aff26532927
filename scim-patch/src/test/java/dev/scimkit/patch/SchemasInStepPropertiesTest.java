package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaDefinition;
import dev.scimkit.core.schema.SchemaExtension;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 7643 §3: {@code schemas} lists the core schema and every extension the resource uses. After a
 * PATCH, {@link ResourceChanges#syncSchemas} keeps it so. Its fast check ({@code alreadyInStep}) must
 * answer "nothing to do" exactly for the usual case its documentation defines, judged here by an
 * independent reading of that definition, over a type with three extensions (so that each
 * extension's bit counts) and resources whose {@code schemas} hold duplicates, other spellings,
 * unknown URNs and non-text entries, with extension objects present, empty, absent or misspelled.
 */
class SchemasInStepPropertiesTest {

    private static final ResourceTypeDefinition BASE = Fixtures.USER;
    private static final String CORE = BASE.schema().id();
    private static final String BADGE = "urn:example:params:scim:schemas:extension:badge:2.0:User";
    private static final String SHIFT = "urn:example:params:scim:schemas:extension:shift:2.0:User";
    private static final ResourceTypeDefinition TYPE = new ResourceTypeDefinition("User", "/Users", null, BASE.schema(),
            List.of(BASE.extensions().get(0), extension(BADGE, "badge"), extension(SHIFT, "shift")));
    private static final List<String> EXTENSIONS = TYPE.extensions().stream().map(e -> e.schema().id()).toList();

    private static SchemaExtension extension(String urn, String attribute) {
        return new SchemaExtension(new SchemaDefinition(urn, attribute, null,
                List.of(AttributeDefinition.builder(attribute, AttributeType.STRING).build())), false);
    }

    @Property(tries = 1000)
    void theFastCheckAnswersInStepExactlyForTheUsualCase(@ForAll("resources") ObjectNode resource) {
        boolean usual = usualCase(resource);
        Statistics.label("case").collect(usual ? "usual" : "unusual");
        Statistics.label("case").coverage(c -> {
            c.check("usual").percentage(p -> p >= 20);
            c.check("unusual").percentage(p -> p >= 20);
        });
        assertThat(ResourceChanges.alreadyInStep(TYPE, resource)).as(resource.toString()).isEqualTo(usual);
    }

    /** Whatever the fast check answers, the sync gives what the full sync gives: every extension in use listed, no other. */
    @Property(tries = 1000)
    void theSyncEqualsTheFullSyncAndListsEveryExtensionInUse(@ForAll("resources") ObjectNode resource) {
        ObjectNode synced = resource.deepCopy();
        ResourceChanges.syncSchemas(TYPE, synced);
        ObjectNode full = resource.deepCopy();
        ResourceChanges.fullSync(TYPE, full);
        assertThat(synced).isEqualTo(full);
        for (String urn : EXTENSIONS) {
            boolean listed = listed(synced).stream().anyMatch(u -> u.equalsIgnoreCase(urn));
            assertThat(listed).as("%s in %s", urn, synced).isEqualTo(hasObject(synced, urn));
        }
    }

    /**
     * The documented usual case: a member spelled {@code schemas}, an array of strings, each the core
     * URN (repeats tolerated) or an extension's URN spelled as the schema spells it, listed once and
     * with its object; and every extension with an object is listed.
     */
    private static boolean usualCase(ObjectNode resource) {
        JsonNode schemas = resource.get("schemas");
        if (schemas == null || !schemas.isArray()) {
            return false;
        }
        List<String> seen = new ArrayList<>();
        for (JsonNode entry : schemas) {
            if (!entry.isTextual()) {
                return false;
            }
            String urn = entry.textValue();
            if (urn.equals(CORE)) {
                continue;
            }
            if (!EXTENSIONS.contains(urn) || seen.contains(urn) || !hasObject(resource, urn)) {
                return false;
            }
            seen.add(urn);
        }
        for (String urn : EXTENSIONS) {
            if (hasObject(resource, urn) && !seen.contains(urn)) {
                return false;
            }
        }
        return true;
    }

    /** An extension is in use when a member of its name (any case) is a non-empty object. */
    private static boolean hasObject(ObjectNode resource, String urn) {
        for (Iterator<String> names = resource.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equalsIgnoreCase(urn)) {
                JsonNode n = resource.get(name);
                return n.isObject() && n.size() > 0;
            }
        }
        return false;
    }

    private static List<String> listed(ObjectNode resource) {
        List<String> out = new ArrayList<>();
        JsonNode schemas = JsonValues.get(resource, "schemas");   // RFC 7643 §2.1: any spelling of the name
        if (schemas != null) {
            schemas.forEach(s -> out.add(s.asText()));
        }
        return out;
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<ObjectNode> resources() {
        return Arbitraries.oneOf(usualResources(), anyResources());
    }

    /** Core (maybe twice) and the extensions in use, each once as spelled, in any order. */
    private Arbitrary<ObjectNode> usualResources() {
        return Combinators.combine(Arbitraries.of(EXTENSIONS).set(), Arbitraries.of(true, false))
                .as((used, coreTwice) -> {
                    ObjectNode r = ScimJson.object();
                    List<String> urns = new ArrayList<>(used);
                    urns.add(0, CORE);
                    if (coreTwice) {
                        urns.add(CORE);
                    }
                    java.util.Collections.shuffle(urns, new java.util.Random(urns.hashCode()));
                    ArrayNode schemas = r.putArray("schemas");
                    urns.forEach(schemas::add);
                    used.forEach(urn -> r.putObject(urn).put("v", 1));
                    return r;
                });
    }

    private Arbitrary<ObjectNode> anyResources() {
        // Mostly the URNs as spelled, so that the usual case is common; the rest is what breaks it.
        Arbitrary<JsonNode> entry = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(EXTENSIONS).map(u -> (JsonNode) ScimJson.nodes().textNode(u))),
                net.jqwik.api.Tuple.of(3, Arbitraries.just((JsonNode) ScimJson.nodes().textNode(CORE))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(EXTENSIONS).map(u -> (JsonNode) ScimJson.nodes()
                        .textNode(u.toUpperCase(Locale.ROOT)))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("urn:unknown:ext", "").map(u -> (JsonNode) ScimJson.nodes().textNode(u))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((JsonNode) ScimJson.nodes().numberNode(7))));
        Arbitrary<List<JsonNode>> entries = entry.list().ofMaxSize(4);
        // per extension: 0 absent, 1 object, 2 empty object, 3 object under another spelling, 4 a string
        Arbitrary<List<Integer>> objects = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(5, 0), net.jqwik.api.Tuple.of(6, 1), net.jqwik.api.Tuple.of(1, 2),
                net.jqwik.api.Tuple.of(1, 3), net.jqwik.api.Tuple.of(1, 4)).list().ofSize(EXTENSIONS.size());
        Arbitrary<Integer> schemasShape = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(12, 0), net.jqwik.api.Tuple.of(1, 1), net.jqwik.api.Tuple.of(1, 2));
        return Combinators.combine(entries, objects, schemasShape).as((list, kinds, shape) -> {
            ObjectNode r = ScimJson.object();
            ArrayNode schemas = ScimJson.mapper().createArrayNode();
            schemas.add(CORE);
            list.forEach(schemas::add);
            switch (shape) {
                case 0 -> r.set("schemas", schemas);
                case 1 -> r.set("Schemas", schemas);       // another spelling: not the usual case
                default -> r.put("schemas", CORE);         // not an array
            }
            r.put("userName", "bjensen");
            for (int i = 0; i < EXTENSIONS.size(); i++) {
                String urn = EXTENSIONS.get(i);
                switch (kinds.get(i)) {
                    case 1 -> r.putObject(urn).put("v", i);
                    case 2 -> r.putObject(urn);
                    case 3 -> r.putObject(urn.toUpperCase(Locale.ROOT)).put("v", i);
                    case 4 -> r.put(urn, "not an object");
                    default -> { }
                }
            }
            return r;
        });
    }
}
