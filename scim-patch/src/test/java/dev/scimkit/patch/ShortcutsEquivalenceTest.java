package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.resource.ResourceValidator;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaDefinition;
import dev.scimkit.core.schema.SchemaExtension;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.filter.ast.PatchPath;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.scimkit.patch.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shortcuts of the PATCH engine against what they replace: plain paths read without the grammar
 * equal the grammar's reading; validating only the changed attributes accepts and rejects what
 * validating the whole result does; the touched list equals a comparison of the whole resource.
 */
class ShortcutsEquivalenceTest {

    private static final ResourceValidator USER_SCHEMA = new ResourceValidator(USER);

    // ------------------------------------------------------------------ plain paths

    /**
     * Half path-shaped text (names, sub-attributes, URN prefixes in any case: what the shortcut takes),
     * half noise around it, so the property compares the two parsers in most tries instead of
     * returning early on text the shortcut declines.
     */
    @Provide
    Arbitrary<String> pathTexts() {
        Arbitrary<String> prefix = Arbitraries.of("", "", "urn:", "URN:ietf:params:", ENTERPRISE + ":", "urn:a:b.c:",
                "urn::", "urn");
        Arbitrary<String> rest = Arbitraries.strings().withChars("aZq9_-.:$[] \"rR").ofMaxLength(14);
        Arbitrary<String> name = Arbitraries.strings().withChars("aZqR").ofMinLength(1).ofMaxLength(3)
                .flatMap(head -> Arbitraries.strings().withChars("aZq9_-").ofMaxLength(6).map(head::concat));
        Arbitrary<String> pathShaped = Combinators.combine(Arbitraries.of("", "", ENTERPRISE + ":", ENTERPRISE.toUpperCase() + ":",
                        "urn:ietf:params:scim:schemas:core:2.0:User:"), name, name.injectNull(0.5))
                .as((urn, attribute, sub) -> urn + attribute + (sub == null ? "" : "." + sub));
        return Arbitraries.frequencyOf(Tuple.of(1, Combinators.combine(prefix, rest).as(String::concat)), Tuple.of(1, pathShaped));
    }

    @Property(tries = 1000)
    void aPlainPathReadsAsTheGrammarReadsIt(@ForAll("pathTexts") String text) {
        PatchPath plain = PlainPaths.parsePlain(text);
        net.jqwik.api.statistics.Statistics.label("path").collect(plain == null ? "declined" : "plain");
        net.jqwik.api.statistics.Statistics.label("path").coverage(c -> c.check("plain").percentage(p -> p >= 40));
        if (plain == null) {
            return;
        }
        PatchPath grammar = Filters.parsePatchPath(text);
        assertThat(spelled(plain.attribute())).isEqualTo(spelled(grammar.attribute()));
        assertThat(grammar.valueFilter()).isEmpty();
        assertThat(grammar.valueSubAttribute()).isEmpty();
    }

    /** The language {@link PlainPaths#parsePlain} documents: {@code [urn ":"] name ["." name]}, as the grammar spells it. */
    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile(
            "((?i:urn):[A-Za-z0-9._:+%~/@!$&*,;=-]*:)?[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z][A-Za-z0-9_-]*)?");

    /** Text made of the characters on both sides of every range the shortcut tests ({@code `a z{ @A Z[ /0 9:}). */
    @Provide
    Arbitrary<String> boundaryTexts() {
        Arbitrary<String> name = Combinators.combine(Arbitraries.of('a', 'z', 'A', 'Z'),
                Arbitraries.strings().withChars("azAZ09_-").ofMaxLength(4)).as((head, tail) -> head + tail);
        Arbitrary<String> noise = Arbitraries.strings().withChars("`azAZ{@[/09:._-").ofMinLength(1).ofMaxLength(5);
        Arbitrary<String> part = Arbitraries.frequencyOf(Tuple.of(3, name), Tuple.of(1, noise),
                Tuple.of(1, Combinators.combine(name, Arbitraries.of('`', '{', '@', '[', '/', ':')).as((n, c) -> n + c)));
        return Combinators.combine(Arbitraries.of("", "", "urn:", "URN:a:", "urn:`:", "urn:{:"), part, part.injectNull(0.5))
                .as((urn, a, b) -> urn + a + (b == null ? "" : "." + b));
    }

    /**
     * The shortcut takes exactly the paths of its documented form: one it declines costs the grammar's
     * set-up, one it wrongly takes would be a path the grammar refuses or reads otherwise.
     */
    @Property(tries = 2000)
    void theShortcutTakesExactlyThePlainForm(@ForAll("boundaryTexts") String text) {
        boolean plain = PLAIN.matcher(text).matches();
        net.jqwik.api.statistics.Statistics.label("form").collect(plain ? "plain" : "other");
        net.jqwik.api.statistics.Statistics.label("form").coverage(c -> {
            c.check("plain").percentage(p -> p >= 10);
            c.check("other").percentage(p -> p >= 10);
        });
        assertThat(PlainPaths.parsePlain(text) != null).as(text).isEqualTo(plain);
    }

    @Test
    void theCommonPathsTakeTheShortcutAndFiltersDoNot() {
        assertThat(PlainPaths.parsePlain("name.givenName")).isNotNull();
        assertThat(spelled(PlainPaths.parsePlain(ENTERPRISE + ":manager.value").attribute()))
                .containsExactly(ENTERPRISE, "manager", "value");
        assertThat(PlainPaths.parsePlain("emails[type eq \"work\"].value")).isNull();
        assertThat(PlainPaths.parsePlain("members.$ref")).isNull();
        assertThat(PlainPaths.parsePlain("urn:foo")).isNull();
        assertThat(PlainPaths.parse("emails[type eq \"work\"].value").valueFilter()).isPresent();
    }

    private static List<String> spelled(AttributePath p) {
        return List.of(p.schemaUrn().orElse(""), p.attribute(), p.subAttribute().orElse(""));
    }

    // ------------------------------------------------------------------ changed-only validation and touched

    @Provide
    Arbitrary<ObjectNode> users() {
        Arbitrary<String> word = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5);
        return Combinators.combine(word.injectNull(0.3), word.list().ofMaxSize(3).uniqueElements(s -> s.toLowerCase(Locale.ROOT)),
                        word.injectNull(0.5), Arbitraries.integers().between(-1, 2), Arbitraries.of(true, false))
                .as((nick, mails, department, primary, active) -> {
                    ObjectNode u = user("{}");
                    if (nick != null) {
                        u.put("nickName", nick);
                        u.putObject("name").put("givenName", nick).put("familyName", "F");
                    }
                    for (int i = 0; i < mails.size(); i++) {
                        ObjectNode e = u.withArray("emails").addObject().put("value", mails.get(i) + "@example.com")
                                .put("type", i == 0 ? "work" : "home");
                        if (i == primary) {
                            e.put("primary", true);
                        }
                    }
                    if (department != null) {
                        u.withArray("schemas").add(ENTERPRISE);
                        u.putObject(ENTERPRISE).put("department", department).putObject("manager").put("value", "m1");
                    }
                    u.put("active", active);
                    return u;
                });
    }

    @Provide
    Arbitrary<List<String>> operationLists() {
        Arbitrary<String> word = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5);
        Arbitrary<String> op = Arbitraries.oneOf(
                word.map(w -> "{'op':'replace','path':'nickName','value':'" + w + "'}"),
                word.map(w -> "{'op':'replace','path':'name.familyName','value':'" + w + "'}"),
                word.map(w -> "{'op':'add','path':'emails','value':[{'value':'" + w + "@example.com','primary':true}]}"),
                word.map(w -> "{'op':'replace','path':'emails[type eq \\'work\\'].value','value':'" + w + "@example.org'}"),
                word.map(w -> "{'op':'Replace','value':{'name.givenName':'" + w + "','" + ENTERPRISE + ":department':'" + w + "'}}"),
                word.map(w -> "{'op':'add','path':'" + ENTERPRISE + ":employeeNumber','value':'" + w + "'}"),
                word.map(w -> "{'op':'replace','path':'" + ENTERPRISE + "','value':{'costCenter':'" + w + "'}}"),
                word.map(w -> "{'op':'add','path':'phoneNumbers','value':[{'value':'" + w + "','primary':true},{'value':'x" + w + "','primary':true}]}"),
                Arbitraries.of("{'op':'remove','path':'" + ENTERPRISE + "'}", "{'op':'remove','path':'" + ENTERPRISE + ":manager'}",
                        "{'op':'remove','path':'emails'}", "{'op':'remove','path':'name'}", "{'op':'remove','path':'userName'}",
                        "{'op':'replace','path':'active','value':'False'}", "{'op':'replace','value':{'id':'u1','active':true}}",
                        "{'op':'remove','path':'emails[primary eq true]'}", "{'op':'replace','path':'userName','value':'bjensen'}"));
        return op.list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 300)
    void checkingTheChangesEqualsCheckingTheWholeResult(@ForAll("users") ObjectNode user,
                                                         @ForAll("operationLists") List<String> ops) {
        USER_SCHEMA.checkSatisfiesSchema(user);   // the precondition: a stored resource satisfies its schema
        PatchPlan plan;
        try {
            plan = LENIENT.plan(USER, ops("[" + String.join(",", ops) + "]"));
        } catch (ScimException e) {
            net.jqwik.api.statistics.Statistics.label("outcome").collect("plan rejected");
            return;   // rejected before any resource is looked at: nothing to compare
        }
        byte[] input = ScimJson.write(user);
        Optional<PatchResult> fast = outcome(() -> plan.apply(user));
        assertThat(ScimJson.write(user)).as("the input is never written, whatever the outcome").isEqualTo(input);
        // the result's top level is the caller's: emptying it leaves the input as it was
        ObjectNode patched = fast.map(r -> r.resource().deepCopy()).orElse(null);
        fast.ifPresent(r -> r.resource().removeAll());
        assertThat(ScimJson.write(user)).as("the result's top level is its own").isEqualTo(input);

        // the whole-resource way: apply, sync schemas, check everything, compare everything
        ObjectNode work = user.deepCopy();
        boolean applied = true;
        try {
            for (PlannedOperation op : plan.operations()) {
                plan.applier().apply(work, op);
            }
        } catch (ScimException e) {
            applied = false;
        }
        boolean valid = applied;
        if (applied) {
            ResourceChanges.fullSync(USER, work);
            valid = outcome(() -> {
                USER_SCHEMA.checkSatisfiesSchema(work);
                return work;
            }).isPresent();
        }
        net.jqwik.api.statistics.Statistics.label("outcome").collect(fast.isPresent() ? "applied" : "refused");
        assertThat(fast.isPresent()).as("accepted as the whole-resource check accepts").isEqualTo(valid);
        if (fast.isPresent()) {
            assertThat(patched).isEqualTo(work);
            assertThat(new ArrayList<>(fast.get().touchedAttributes())).isEqualTo(wholeResourceDiff(USER, user, work));
        }
    }

    // ------------------------------------------------------------------ results share what was not written

    /**
     * {@link PatchResult#resource()} is no copy: it shares every value the operations did not write
     * with the input. What a store does with it (stamp {@code id} and {@code meta} on its top level,
     * keep it as the next revision, patch that again, by {@code apply} or in place on a new top level
     * as the in-memory store's views are) must never reach the revision before it nor the input: a
     * stored revision never changes. The second patch writes the same attributes as the first in most
     * tries (nested values: {@code emails[type eq "work"].value}, {@code name.familyName}, the
     * enterprise manager, primaries turned off), which is where a shared node would be written.
     */
    @Property(tries = 400)
    void aResultPatchedAgainLeavesItselfAndItsInputAsTheyWere(@ForAll("users") ObjectNode user,
                                                               @ForAll("operationLists") List<String> first,
                                                               @ForAll("operationLists") List<String> second,
                                                               @ForAll boolean secondInPlace) {
        USER_SCHEMA.checkSatisfiesSchema(user);
        byte[] input = ScimJson.write(user);
        Optional<PatchResult> once = outcome(() -> LENIENT.plan(USER, ops("[" + String.join(",", first) + "]")).apply(user));
        if (once.isEmpty()) {
            net.jqwik.api.statistics.Statistics.label("first").collect("refused");
            return;
        }
        ObjectNode revision = once.get().resource();
        revision.put("id", "u1");
        revision.putObject("meta").put("version", "W/\"1\"");
        byte[] revisionBytes = ScimJson.write(revision);

        Optional<PatchResult> twice = outcome(() -> {
            PatchPlan plan = LENIENT.plan(USER, ops("[" + String.join(",", second) + "]"));
            if (!secondInPlace) {
                return plan.apply(revision);
            }
            ObjectNode view = revision.objectNode();
            view.setAll(revision);
            return plan.applyInPlace(view);
        });
        net.jqwik.api.statistics.Statistics.label("second").collect(twice.isPresent() ? "applied" : "refused");
        twice.ifPresent(r -> {
            r.resource().put("id", "u2");
            r.resource().putObject("meta").put("version", "W/\"2\"");
        });

        assertThat(ScimJson.write(revision)).as("the first revision, after a patch of it").isEqualTo(revisionBytes);
        assertThat(ScimJson.write(user)).as("the input, after two patches").isEqualTo(input);
    }

    // ------------------------------------------------------------------ the schemas sync's shortcut

    private static final String BADGE = "urn:example:scimkit:badge:2.0:User";

    /** A User with two extensions, so that one listed twice can hide another left out. */
    private static final ResourceTypeDefinition TWO_EXTENSIONS = SchemaRegistry.standard()
            .toBuilder()
            .addExtension("User", new SchemaDefinition(BADGE, "Badge", "", List.of(
                    AttributeDefinition.builder("number", AttributeType.STRING).build())), false)
            .build().user();

    @Provide
    Arbitrary<ObjectNode> schemasAndExtensions() {
        Arbitrary<JsonNode> entry = Arbitraries.oneOf(
                Arbitraries.of(USER.schema().id(), ENTERPRISE, BADGE, ENTERPRISE.toUpperCase(Locale.ROOT),
                        "urn:example:unknown:2.0:User").map(ScimJson.mapper().getNodeFactory()::textNode),
                Arbitraries.just(ScimJson.mapper().getNodeFactory().numberNode(7)));
        Arbitrary<JsonNode> extensionValue = Arbitraries.of("absent", "empty", "data", "text")
                .map(kind -> switch (kind) {
                    case "absent" -> null;
                    case "empty" -> ScimJson.object();
                    case "data" -> ScimJson.object().put("department", "Ops").put("number", "42");
                    default -> ScimJson.mapper().getNodeFactory().textNode("not an object");
                });
        return Combinators.combine(entry.list().ofMaxSize(5), extensionValue, extensionValue,
                        Arbitraries.of("schemas", "Schemas", "none"), Arbitraries.of(ENTERPRISE, ENTERPRISE.toLowerCase(Locale.ROOT)))
                .as((entries, enterprise, badge, schemasKey, enterpriseKey) -> {
                    ObjectNode r = ScimJson.object();
                    if (!schemasKey.equals("none")) {
                        r.putArray(schemasKey).addAll(entries);
                    }
                    if (enterprise != null) {
                        r.set(enterpriseKey, enterprise);
                    }
                    if (badge != null) {
                        r.set(BADGE, badge);
                    }
                    return r;
                });
    }

    @Property(tries = 2000)
    void theSchemasShortcutSaysInStepOnlyWhenTheFullSyncChangesNothing(
            @ForAll("schemasAndExtensions") ObjectNode resource) {
        for (ResourceTypeDefinition type : List.of(USER, TWO_EXTENSIONS)) {
            ObjectNode synced = resource.deepCopy();
            ResourceChanges.fullSync(type, synced);
            if (ResourceChanges.alreadyInStep(type, resource)) {
                assertThat(synced).as("full sync of a resource the shortcut calls in step").isEqualTo(resource);
            }
            ObjectNode viaShortcut = resource.deepCopy();
            ResourceChanges.syncSchemas(type, viaShortcut);
            assertThat(viaShortcut).isEqualTo(synced);
        }
    }

    @Test
    void anExtensionListedTwiceDoesNotHideOneLeftOut() {
        ObjectNode resource = ScimJson.object();
        resource.putArray("schemas").add(USER.schema().id()).add(ENTERPRISE).add(ENTERPRISE);
        resource.putObject(ENTERPRISE).put("department", "Ops");
        resource.putObject(BADGE).put("number", "42");
        assertThat(ResourceChanges.alreadyInStep(TWO_EXTENSIONS, resource)).isFalse();
        ResourceChanges.syncSchemas(TWO_EXTENSIONS, resource);
        List<String> listed = new ArrayList<>();
        resource.path("schemas").forEach(u -> listed.add(u.asText()));
        assertThat(listed).as("every extension in use is listed (RFC 7643 §3)").contains(ENTERPRISE, BADGE);
    }

    private static <T> Optional<T> outcome(java.util.function.Supplier<T> run) {
        try {
            return Optional.of(run.get());
        } catch (ScimException e) {
            return Optional.empty();
        }
    }

    /** Every attribute of the schemas compared between the two versions: what touchedAttributes promises. */
    static List<String> wholeResourceDiff(ResourceTypeDefinition type, ObjectNode before, ObjectNode after) {
        List<String> out = new ArrayList<>();
        diff(type, type.schema(), "", before, after, true, out);
        for (SchemaExtension e : type.extensions()) {
            String urn = e.schema().id();
            diff(type, e.schema(), urn + ":", JsonValues.get(before, urn), JsonValues.get(after, urn), false, out);
        }
        return out;
    }

    private static void diff(ResourceTypeDefinition type, SchemaDefinition schema, String prefix, JsonNode before,
                             JsonNode after, boolean core, List<String> out) {
        Map<String, AttributeDefinition> names = new LinkedHashMap<>();
        for (JsonNode side : new JsonNode[]{before, after}) {
            if (side == null || !side.isObject()) {
                continue;
            }
            for (Iterator<String> it = side.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                Optional<AttributeDefinition> def = core ? type.resolve(name).map(r -> r.attribute()) : schema.attribute(name);
                def.ifPresent(d -> names.putIfAbsent(d.name().toLowerCase(Locale.ROOT), d));
            }
        }
        for (AttributeDefinition def : names.values()) {
            JsonNode b = JsonValues.get(before, def.name());
            JsonNode a = JsonValues.get(after, def.name());
            if (def.isComplex() && !def.multiValued()) {
                for (AttributeDefinition sub : def.subAttributes()) {
                    if (differ(JsonValues.get(b, sub.name()), JsonValues.get(a, sub.name()))) {
                        out.add(prefix + def.name() + "." + sub.name());
                    }
                }
            } else if (differ(b, a)) {
                out.add(prefix + def.name());
            }
        }
    }

    private static boolean differ(JsonNode a, JsonNode b) {
        return !JsonValues.identical(a, b);
    }
}
