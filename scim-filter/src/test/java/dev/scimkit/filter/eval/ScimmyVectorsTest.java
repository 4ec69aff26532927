package dev.scimkit.filter.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaDefinition;
import dev.scimkit.core.testing.SharedDir;
import dev.scimkit.filter.Filters;
import dev.scimkit.filter.ast.Filter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SCIMMY filter vectors ({@code scimmy/filter.json} of the conformance data, found by {@link SharedDir}). SCIMMY is lenient in places where
 * RFC 7644 is not; those vectors are listed with the reason ({@link #NOT_RFC}, {@link #NOT_SCIMMY_TREE},
 * {@code notRfcMatch}) and checked to be refused with {@code invalidFilter}, or to still differ from
 * SCIMMY's answer, so a listed exception that no longer applies fails the run. Every other parse vector
 * must give SCIMMY's expected tree ({@link ScimmyTrees}), every match vector its expected resources.
 */
class ScimmyVectorsTest {

    /** Parse vectors that are not RFC 7644 filters, and why. */
    private static final Map<String, String> NOT_RFC = Map.ofEntries(
            Map.entry("valid$Name eq null", "ATTRNAME allows only ALPHA, DIGIT, '-' and '_' (and $ref)"),
            Map.entry("-valid$Name eq -null", "ATTRNAME starts with ALPHA; -null is no JSON value"),
            Map.entry("value eq 123abc", "unquoted string values are not JSON (compValue)"),
            Map.entry("value eq 123abc5e4", "unquoted string values are not JSON (compValue)"),
            Map.entry("emails[type eq \"work\" or type eq \"home\"].values[domain ew \"@example.org\"]", "a sub-attribute after ] takes a comparison or pr, not another value filter"),
            Map.entry("emails[type eq \"work\" or type eq \"home\"].values[domain ew \"@example.org\" or domain ew \"@example.com\"]", "a sub-attribute after ] takes a comparison or pr, not another value filter"),
            Map.entry("emails[type eq \"work\" or type eq \"home\"].values[domain ew \"@example.org\" or domain ew \"@example.com\"].recipient pr", "a sub-attribute after ] takes a comparison or pr, not another value filter"),
            Map.entry("emails[type eq \"work\"].values[domain ew \"@example.org\" or domain ew \"@example.com\"].recipient pr", "a sub-attribute after ] takes a comparison or pr, not another value filter"),
            Map.entry("emails[type eq \"work\"] pr", "a valuePath is a whole filter; no operator may follow ']'"),
            Map.entry("emails[not type eq \"work\"] pr", "a valuePath is a whole filter; no operator may follow ']'"),
            Map.entry("emails[type eq \"work\"] co \"A\"", "a valuePath is a whole filter; no operator may follow ']'"),
            Map.entry("emails[not type eq \"work\"] co \"A\"", "a valuePath is a whole filter; no operator may follow ']'"),
            Map.entry("not emails[not type eq \"work\"] co \"A\"", "a valuePath is a whole filter; no operator may follow ']'"),
            Map.entry("userType eq \"Employee\" and emails[type eq \"work\" or primary eq true] pr", "no operator may follow ']'"));

    /**
     * Parse vectors whose expected tree is SCIMMY's meaning and not RFC 7644's, and why; the test checks
     * that ours still differs, so an entry that no longer applies fails the run.
     */
    private static final Map<String, String> NOT_SCIMMY_TREE = Map.ofEntries(
            Map.entry("userName sw \"A\" and not (userName ew \"Z\" or displayName co \"Bob\")",
                    "SCIMMY reads not (a or b) as (not a) or (not b); RFC 7644 (and logic) as not a and not b"),
            Map.entry("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")",
                    "SCIMMY reads not (a or b) as (not a) or (not b); RFC 7644 (and logic) as not a and not b"),
            Map.entry("not emails[type eq \"work\"].value pr",
                    "SCIMMY moves the not inside the value path (a work e-mail without a value); RFC 7644 negates the"
                            + " whole value path (no work e-mail with a value)"));

    private static final String FILE = "scimmy/filter.json";
    private static final String WHAT = "SCIMMY's filter vectors";

    private static JsonNode vectors() throws IOException {
        return ScimJson.parse(Files.readAllBytes(SharedDir.conformanceFile(FILE, WHAT)));
    }

    @TestFactory
    List<DynamicTest> parseVectors() throws IOException {
        if (!SharedDir.available()) {
            return List.of(SharedDir.skippedTest(FILE, WHAT));
        }
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> seenTreeExceptions = new java.util.HashSet<>();
        Set<String> seenNotRfc = new java.util.HashSet<>();
        for (JsonNode group : vectors().get("parse")) {
            for (JsonNode vector : group) {
                String source = vector.get("source").textValue();
                String reason = NOT_RFC.get(source);
                if (reason != null) {
                    seenNotRfc.add(source);
                    tests.add(DynamicTest.dynamicTest("rejects (" + reason + "): " + source, () ->
                            assertThatThrownBy(() -> Filters.parse(source))
                                    .isInstanceOfSatisfying(ScimException.class,
                                            e -> assertThat(e.scimType()).contains(ScimErrorType.INVALID_FILTER))));
                } else {
                    String treeReason = NOT_SCIMMY_TREE.get(source);
                    tests.add(DynamicTest.dynamicTest("parses to SCIMMY's tree: " + source, () -> {
                        Filter f = Filters.parse(source);
                        assertThat(Filters.parse(Filters.print(f))).isEqualTo(f);
                        if (treeReason == null) {
                            assertThat(ScimmyTrees.actual(f)).as("the tree of %s", source)
                                    .isEqualTo(ScimmyTrees.expected(vector.get("target")));
                        } else {
                            // Listed: our tree must still differ from SCIMMY's, or the entry is stale.
                            assertThat(ScimmyTrees.actual(f)).as("stale NOT_SCIMMY_TREE entry (%s): %s", treeReason, source)
                                    .isNotEqualTo(ScimmyTrees.expected(vector.get("target")));
                        }
                    }));
                    seenTreeExceptions.add(source);
                }
            }
        }
        assertThat(tests).hasSizeGreaterThan(50);
        // Every listed exception names a vector of the file: an entry the data no longer has fails the run.
        assertThat(seenNotRfc).as("NOT_RFC entries that match no parse vector").containsAll(NOT_RFC.keySet());
        assertThat(seenTreeExceptions).as("NOT_SCIMMY_TREE entries that match no parse vector")
                .containsAll(NOT_SCIMMY_TREE.keySet());
        return tests;
    }

    @TestFactory
    List<DynamicTest> expressionVectorsParse() throws IOException {
        if (!SharedDir.available()) {
            return List.of(SharedDir.skippedTest(FILE, WHAT));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode group : vectors().get("expression")) {
            for (JsonNode vector : group) {
                String target = vector.get("target").textValue();
                if (target.contains("] pr")) {
                    // "attr[filter] pr" is SCIMMY's own form, not RFC (see NOT_RFC): refused as such
                    tests.add(DynamicTest.dynamicTest("rejects (a valuePath is a whole filter; no operator may follow ']'): "
                            + target, () -> assertThatThrownBy(() -> Filters.parse(target))
                            .isInstanceOfSatisfying(ScimException.class,
                                    e -> assertThat(e.scimType()).contains(ScimErrorType.INVALID_FILTER))));
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(target, () -> {
                    Filter f = Filters.parse(target);
                    assertThat(Filters.parse(Filters.print(f))).isEqualTo(f);
                }));
            }
        }
        return tests;
    }

    /**
     * The schema of SCIMMY's match data set. SCIMMY matches strings case-sensitively when it has no
     * schema (its vector {@code userName co "A"} excludes "MeganB"), so the strings here are caseExact.
     */
    private static ResourceTypeDefinition matchSchema() {
        SchemaDefinition schema = new SchemaDefinition("urn:example:scimmy:Test", "Test", "", List.of(
                AttributeDefinition.builder("userName", AttributeType.STRING).caseExact(true).build(),
                AttributeDefinition.builder("date", AttributeType.DATE_TIME).build(),
                AttributeDefinition.builder("number", AttributeType.INTEGER).build(),
                AttributeDefinition.builder("exists", AttributeType.BOOLEAN).build(),
                AttributeDefinition.builder("name", AttributeType.COMPLEX).subAttributes(List.of(
                        AttributeDefinition.builder("formatted", AttributeType.STRING).caseExact(true).build(),
                        AttributeDefinition.builder("givenName", AttributeType.STRING).caseExact(true).build(),
                        AttributeDefinition.builder("familyName", AttributeType.STRING).caseExact(true).build())).build(),
                AttributeDefinition.builder("emails", AttributeType.COMPLEX).multiValued(true).subAttributes(List.of(
                        AttributeDefinition.builder("type", AttributeType.STRING).caseExact(true).build(),
                        AttributeDefinition.builder("value", AttributeType.STRING).caseExact(true).build(),
                        AttributeDefinition.builder("primary", AttributeType.BOOLEAN).build())).build()));
        return new ResourceTypeDefinition("Test", "/Tests", "", schema, List.of());
    }

    /** Match vectors whose expectations are SCIMMY's, not RFC 7644's. */
    private static String notRfcMatch(String filter) {
        if (filter.contains("] pr")) {
            return "a valuePath is a whole filter; no operator may follow ']'";
        }
        if (filter.contains("emails.type") && filter.contains("emails.value")) {
            // RFC 7644: only "emails[type eq ... and value ew ...]" ties both conditions to one email
            return "SCIMMY ties sibling sub-attribute conditions to one element; RFC 7644 does so only inside [ ]";
        }
        if (filter.contains(" np") || filter.contains(" un ")) {
            return "'np' and 'un' are not RFC 7644 operators";
        }
        if (filter.contains("eq \"True\"") || filter.contains("eq \"False\"")) {
            return "a JSON string never equals a boolean attribute";
        }
        if (filter.matches(".*date (gt|ge|lt|le) \"\\d{4}-\\d{2}(-\\d{2})?\".*")) {
            return "a partial date is not an xsd:dateTime (invalidFilter here)";
        }
        return null;
    }

    private static Set<Integer> matches(FilterEvaluator evaluator, Filter f, List<JsonNode> resources) {
        Set<Integer> actual = new TreeSet<>();
        for (JsonNode r : resources) {
            if (evaluator.matches(f, r)) {
                actual.add(r.get("id").intValue());
            }
        }
        return actual;
    }

    @TestFactory
    List<DynamicTest> matchVectors() throws IOException {
        if (!SharedDir.available()) {
            return List.of(SharedDir.skippedTest(FILE, WHAT));
        }
        JsonNode match = vectors().get("match");
        List<JsonNode> resources = new ArrayList<>();
        match.get("source").forEach(resources::add);
        FilterEvaluator evaluator = new FilterEvaluator(matchSchema());
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> groups = match.get("targets").fields(); groups.hasNext(); ) {
            Map.Entry<String, JsonNode> group = groups.next();
            for (JsonNode vector : group.getValue()) {
                String text = ScimmyExpressions.toFilter(vector.get("expression"));
                Set<Integer> expected = new TreeSet<>();
                vector.get("expected").forEach(id -> expected.add(id.intValue()));
                String reason = notRfcMatch(text);
                if (reason != null) {
                    if (reason.contains("invalidFilter") || reason.contains("not RFC 7644 operators")
                            || reason.contains("no operator may follow")) {
                        tests.add(DynamicTest.dynamicTest(group.getKey() + " rejects (" + reason + "): " + text, () ->
                                assertThatThrownBy(() -> evaluator.matches(Filters.parse(text), resources.get(0)))
                                        .isInstanceOfSatisfying(ScimException.class,
                                                e -> assertThat(e.scimType()).contains(ScimErrorType.INVALID_FILTER))));
                    } else {
                        // Listed with its reason: our answer must still differ from SCIMMY's, or the entry is stale.
                        tests.add(DynamicTest.dynamicTest(group.getKey() + " differs (" + reason + "): " + text, () ->
                                assertThat(matches(evaluator, Filters.parse(text), resources))
                                        .as("stale exception (%s): %s", reason, text).isNotEqualTo(expected)));
                    }
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(group.getKey() + ": " + text, () ->
                        assertThat(matches(evaluator, Filters.parse(text), resources)).isEqualTo(expected)));
            }
        }
        assertThat(tests).hasSizeGreaterThan(40);
        return tests;
    }
}
