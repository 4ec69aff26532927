package dev.scimkit.core.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaDefinition;
import dev.scimkit.core.schema.SchemaExtension;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.core.schema.SchemaUrns;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ResourceValidator#checkChangesSatisfySchema} is the full {@link ResourceValidator#checkSatisfiesSchema}
 * for a valid resource of which only the named attributes (and {@code schemas}) changed: it accepts
 * and rejects the same resources, with the same status and scimType.
 */
class ChangedAttributesCheckPropertiesTest {

    private static final ResourceTypeDefinition USER = SchemaRegistry.standard().user();

    private static final List<String> ATTRIBUTES = List.of("userName", "nickName", "active", "name", "emails",
            "phoneNumbers", "addresses", "x509Certificates", "title", "externalId", "meta", "groups",
            SchemaUrns.ENTERPRISE_USER + ":employeeNumber", SchemaUrns.ENTERPRISE_USER + ":manager",
            SchemaUrns.ENTERPRISE_USER + ":department");

    private static final List<String> VALUES = List.of("<absent>", "null", "\"text\"", "42", "1.5", "true",
            "[]", "[\"a\"]", "{}", "{\"value\":\"x\"}", "{\"givenName\":\"g\",\"familyName\":\"f\"}",
            "{\"unknownSub\":1}", "[{\"value\":\"a@example.com\",\"type\":\"work\"}]",
            "[{\"value\":\"a\",\"primary\":true},{\"value\":\"b\",\"primary\":true}]",
            "[{\"value\":\"a\",\"primary\":\"True\"}]", "[{\"display\":\"no value\"}]", "[{\"value\":1}]",
            "\"2011-05-13T04:42:34Z\"", "{\"value\":\"mgr\",\"displayName\":\"M\"}", "[null]");

    private final ResourceValidator lenient = new ResourceValidator(USER);
    private final ResourceValidator strict = new ResourceValidator(USER, ValidationOptions.strict());
    private final ResourceValidator closedTypes = new ResourceValidator(USER,
            ValidationOptions.lenient().withClosedCanonicalValues(Set.of("emails.type")));

    @Provide
    Arbitrary<ObjectNode> validUsers() {
        return new ResourceValidatorPropertiesTest().users().map(body -> {
            ObjectNode user = lenient.validateForCreate(body);
            user.put("id", "generated-id");
            return user;
        });
    }

    @Provide
    Arbitrary<String> attributes() {
        return Arbitraries.of(ATTRIBUTES);
    }

    /** A value that fits each attribute, so that most tries check an accepted change, not only refusals. */
    private static final java.util.Map<String, List<String>> FITTING = java.util.Map.ofEntries(
            java.util.Map.entry("userName", List.of("\"\u0130lker\"", "\"stra\u00dfe@example.com\"", "\"" + "u".repeat(2000) + "\"")),
            java.util.Map.entry("nickName", List.of("\"\"", "\"\u03a9\"", "\"\ud83d\ude00\"")),
            java.util.Map.entry("active", List.of("true", "false")),
            java.util.Map.entry("name", List.of("{\"givenName\":\"\u00c9dith\",\"familyName\":\"PIAF\"}", "{}")),
            java.util.Map.entry("emails", List.of("[{\"value\":\"\u00e9@example.com\",\"type\":\"work\",\"primary\":true}]", "[]")),
            java.util.Map.entry("phoneNumbers", List.of("[{\"value\":\"+1 555 0100\",\"type\":\"mobile\"}]")),
            java.util.Map.entry("addresses", List.of("[{\"locality\":\"Z\u00fcrich\",\"type\":\"work\"}]")),
            java.util.Map.entry("x509Certificates", List.of("[{\"value\":\"TUlJRA==\"}]")),
            java.util.Map.entry("title", List.of("\"\"", "\"GUARD\"", "\"" + "t".repeat(5000) + "\"")),
            java.util.Map.entry("externalId", List.of("\"ext-\u0131\"")),
            java.util.Map.entry("meta", List.of("<absent>")),
            java.util.Map.entry("groups", List.of("<absent>")),
            java.util.Map.entry(SchemaUrns.ENTERPRISE_USER + ":employeeNumber", List.of("\"E-\u0660\"")),
            java.util.Map.entry(SchemaUrns.ENTERPRISE_USER + ":manager", List.of("{\"value\":\"mgr\"}")),
            java.util.Map.entry(SchemaUrns.ENTERPRISE_USER + ":department", List.of("\"R&D \u2014 \u65e5\u672c\"")));

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(VALUES)),
                Tuple.of(5, Arbitraries.integers().between(0, 2).map(i -> "<fitting>" + i)));
    }

    private static String fitting(String attribute, String value) {
        if (!value.startsWith("<fitting>")) {
            return value;
        }
        List<String> options = FITTING.get(attribute);
        return options.get(Integer.parseInt(value.substring("<fitting>".length())) % options.size());
    }

    @Property(tries = 400)
    void checksExactlyWhatTheFullCheckChecks(@ForAll("validUsers") ObjectNode user,
                                             @ForAll("attributes") String first, @ForAll("values") String firstValue,
                                             @ForAll("attributes") String second, @ForAll("values") String secondValue,
                                             @ForAll int schemasChange) {
        ObjectNode before = user.deepCopy();
        List<ResolvedAttribute> changed = new ArrayList<>();
        change(user, first, fitting(first, firstValue), changed);
        change(user, second, fitting(second, secondValue), changed);
        switch (Math.floorMod(schemasChange, 6)) {
            case 0 -> user.putArray("schemas").add(SchemaUrns.USER);                  // extension unlisted
            case 1 -> user.putArray("schemas").add(SchemaUrns.ENTERPRISE_USER);       // core unlisted
            case 2 -> user.remove("schemas");
            default -> { }                                                           // as validated
        }
        for (ResourceValidator validator : List.of(lenient, strict, closedTypes)) {
            if (outcome(() -> validator.checkSatisfiesSchema(before)).isPresent()) {
                net.jqwik.api.statistics.Statistics.label("precondition").collect("unmet");
                continue;   // the precondition: the resource satisfied this validator before the change
            }
            Optional<ScimException> full = outcome(() -> validator.checkSatisfiesSchema(user));
            net.jqwik.api.statistics.Statistics.label("precondition").collect(full.isPresent() ? "met, rejected" : "met, accepted");
            Optional<ScimException> changes = outcome(() -> validator.checkChangesSatisfySchema(user, changed));
            assertThat(changes.isPresent()).as("rejects %s as the full check does (%s)", user, full)
                    .isEqualTo(full.isPresent());
            full.ifPresent(f -> {
                assertThat(changes.get().status()).isEqualTo(f.status());
                assertThat(changes.get().scimType()).isEqualTo(f.scimType());
            });
        }
        // Most tries must check an accepted change too, not only a refusal or an unmet precondition.
        net.jqwik.api.statistics.Statistics.label("precondition").coverage(c -> {
            c.check("met, accepted").percentage(p -> p >= 20);
            c.check("met, rejected").percentage(p -> p >= 20);
        });
    }

    /** Core attributes only: what {@link ResourceValidator#checkChangedCoreValue} is for. */
    @Provide
    Arbitrary<String> coreAttributes() {
        return Arbitraries.of(ATTRIBUTES.stream().filter(a -> !a.startsWith(SchemaUrns.ENTERPRISE_USER)).toList());
    }

    /** Values as above, and case and Unicode variants of canonical values (closed for emails.type). */
    @Provide
    Arbitrary<String> coreValues() {
        return Arbitraries.frequencyOf(Tuple.of(4, values()), Tuple.of(1, Arbitraries.of(
                "[{\"value\":\"a@example.com\",\"type\":\"WORK\"}]",
                "[{\"value\":\"a@example.com\",\"type\":\"w\u00f6rk\"}]",
                "[{\"value\":\"a@example.com\",\"type\":\"\u212aome\"}]",
                "[{\"Value\":\"a@example.com\",\"TYPE\":\"home\",\"Primary\":true}]",
                "{\"GIVENNAME\":\"\u0130\",\"familyname\":\"\u0131\"}",
                "\"\u0130LKER\"", "\"\"", "\"True\"", "\"false\"", "0", "-0.0")));
    }

    /**
     * The check of one changed core attribute's value, which the PATCH engine runs when it wrote the
     * change itself (one member under the schema name, {@code schemas} and extensions as they were),
     * decides exactly as {@link ResourceValidator#checkChangesSatisfySchema} under those conditions:
     * same acceptance, status, scimType and detail, also when the attribute was spelled in another
     * case before the change.
     */
    @Property(tries = 600)
    void theCoreValueCheckDecidesAsTheChangesCheck(@ForAll("validUsers") ObjectNode user,
                                                    @ForAll("coreAttributes") String attribute,
                                                    @ForAll("coreValues") String value, @ForAll boolean otherCaseBefore) {
        ResolvedAttribute resolved = USER.resolve(attribute).orElseThrow();
        if (otherCaseBefore && user.has(attribute)) {
            // a valid resource may spell a name in any case; the change replaces it under the schema name
            JsonNode was = user.remove(attribute);
            user.set(attribute.toUpperCase(java.util.Locale.ROOT), was);
        }
        ObjectNode before = user.deepCopy();
        String json = fitting(attribute, value);
        user.remove(attribute.toUpperCase(java.util.Locale.ROOT));
        if (json.equals("<absent>")) {
            user.remove(attribute);
        } else {
            user.set(attribute, ScimJson.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        for (ResourceValidator validator : List.of(lenient, strict, closedTypes)) {
            if (outcome(() -> validator.checkSatisfiesSchema(before)).isPresent()) {
                net.jqwik.api.statistics.Statistics.label("precondition").collect("unmet");
                continue;
            }
            Optional<ScimException> changes = outcome(() -> validator.checkChangesSatisfySchema(user, List.of(resolved)));
            Optional<ScimException> value1 = outcome(() -> validator.checkChangedCoreValue(resolved, user.get(attribute)));
            net.jqwik.api.statistics.Statistics.label("precondition").collect(changes.isPresent() ? "met, rejected" : "met, accepted");
            assertThat(value1.isPresent()).as("%s = %s (%s)", attribute, json, changes).isEqualTo(changes.isPresent());
            changes.ifPresent(c -> {
                assertThat(value1.get().status()).isEqualTo(c.status());
                assertThat(value1.get().scimType()).isEqualTo(c.scimType());
                assertThat(value1.get().detail()).isEqualTo(c.detail());
            });
        }
        net.jqwik.api.statistics.Statistics.label("precondition").coverage(c -> {
            c.check("met, accepted").percentage(p -> p >= 20);
            c.check("met, rejected").percentage(p -> p >= 10);
        });
    }

    @Test
    void theCoreValueCheckRefusesAnExtensionAttribute() {
        ResolvedAttribute department = USER.resolve(SchemaUrns.ENTERPRISE_USER, "department").orElseThrow();
        assertThatThrownBy(() -> lenient.checkChangedCoreValue(department, ScimJson.nodes().textNode("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRequiredAttributeThatIsNowAbsentIsReported() {
        ObjectNode user = lenient.validateForCreate(ScimJson.parseObject(
                "{\"userName\":\"bjensen\",\"title\":\"x\"}".getBytes()));
        user.remove("userName");
        assertThatThrownBy(() -> lenient.checkChangesSatisfySchema(user, List.of(USER.resolve("userName").orElseThrow())))
                .isInstanceOf(ScimException.class).hasMessageContaining("userName is required");
        // unchanged attributes are not looked at: that is the contract
        lenient.checkChangesSatisfySchema(user, List.of(USER.resolve("title").orElseThrow()));
    }

    @Test
    void aRequiredExtensionLosingItsLastAttributeIsReported() {
        SchemaDefinition extension = new SchemaDefinition("urn:example:params:scim:schemas:extension:badge:2.0:User",
                "Badge", "", List.of(AttributeDefinition.builder("badge", AttributeType.STRING).build()));
        ResourceTypeDefinition type = new ResourceTypeDefinition("User", "/Users", "", USER.schema(),
                List.of(new SchemaExtension(extension, true)));
        ResourceValidator validator = new ResourceValidator(type);
        ObjectNode user = validator.validateForCreate(ScimJson.parseObject(
                ("{\"userName\":\"b\",\"" + extension.id() + "\":{\"badge\":\"7\"}}").getBytes()));
        ResolvedAttribute badge = type.resolve(extension.id(), "badge").orElseThrow();
        validator.checkChangesSatisfySchema(user, List.of(badge));
        user.remove(extension.id());
        assertThatThrownBy(() -> validator.checkChangesSatisfySchema(user, List.of(badge)))
                .isInstanceOf(ScimException.class).hasMessageContaining("is required");
    }

    /** Sets (or removes) one attribute, in its container, and records it as changed. */
    private static void change(ObjectNode user, String path, String value, List<ResolvedAttribute> changed) {
        ObjectNode container = user;
        String name = path;
        ResolvedAttribute resolved;
        if (path.startsWith(SchemaUrns.ENTERPRISE_USER + ":")) {
            name = path.substring(SchemaUrns.ENTERPRISE_USER.length() + 1);
            resolved = USER.resolve(SchemaUrns.ENTERPRISE_USER, name).orElseThrow();
            JsonNode existing = user.get(SchemaUrns.ENTERPRISE_USER);
            container = existing instanceof ObjectNode o ? o : user.putObject(SchemaUrns.ENTERPRISE_USER);
        } else {
            resolved = USER.resolve(name).orElseThrow();
        }
        if (value.equals("<absent>")) {
            container.remove(name);
        } else {
            container.set(name, ScimJson.parse(value.getBytes()));
        }
        if (container != user && container.isEmpty()) {
            user.remove(SchemaUrns.ENTERPRISE_USER);
        }
        if (!changed.contains(resolved)) {
            changed.add(resolved);
        }
    }

    private static Optional<ScimException> outcome(Runnable check) {
        try {
            check.run();
            return Optional.empty();
        } catch (ScimException e) {
            return Optional.of(e);
        }
    }
}
