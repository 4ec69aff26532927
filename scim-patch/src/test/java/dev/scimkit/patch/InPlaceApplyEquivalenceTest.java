package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.resource.ResourceValidator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.scimkit.patch.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PatchPlan#applyInPlace} and {@link PatchPlan#apply} (both through the undo log and the cached
 * path resolutions) against a straightforward reference: every planned operation applied to a deep copy,
 * {@code schemas} fully synced, the whole result checked against the schema, every attribute compared
 * for the touched list. Same outcome, same bytes (member order included), same touched list; a failure
 * leaves the caller's tree byte for byte as it was, and no node the caller held is ever written.
 */
class InPlaceApplyEquivalenceTest {

    private static final ResourceValidator USER_SCHEMA = new ResourceValidator(USER);

    /** Stored-like Users with the spellings a lenient store may have kept: other cases, a key twice. */
    @Provide
    Arbitrary<ObjectNode> users() {
        Arbitrary<String> word = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5);
        Arbitrary<String> oddity = Arbitraries.of("none", "none", "NickName", "ACTIVE", "enterpriseLower", "Schemas");
        return Combinators.combine(word.injectNull(0.3), word.list().ofMaxSize(3).uniqueElements(s -> s.toLowerCase(Locale.ROOT)),
                        word.injectNull(0.5), Arbitraries.integers().between(-1, 2), Arbitraries.of(true, false), oddity)
                .as((nick, mails, department, primary, active, odd) -> {
                    ObjectNode u = user("{}");
                    if (nick != null) {
                        u.put(odd.equals("NickName") ? "NickName" : "nickName", nick);
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
                        String key = odd.equals("enterpriseLower") ? ENTERPRISE.toLowerCase(Locale.ROOT) : ENTERPRISE;
                        u.putObject(key).put("department", department).putObject("manager").put("value", "m1");
                    }
                    u.put(odd.equals("ACTIVE") ? "ACTIVE" : "active", active);
                    u.putObject("meta").put("resourceType", "User").put("version", "W/\"1\"");
                    if (odd.equals("Schemas")) {
                        u.set("Schemas", u.remove("schemas"));
                    }
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
                        "{'op':'replace','path':'active','value':'False'}", "{'op':'replace','value':{'active':false}}",
                        "{'op':'replace','value':{'id':'u1','active':true}}", "{'op':'replace','value':{'id':'other'}}",
                        "{'op':'remove','path':'emails[primary eq true]'}", "{'op':'replace','path':'userName','value':'bjensen'}",
                        "{'op':'remove','path':'nickName'}", "{'op':'add','path':'title','value':'T'}"));
        return op.list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 500)
    void inPlaceAndCopyEqualTheReference(@ForAll("users") ObjectNode user, @ForAll("operationLists") List<String> ops) {
        if (outcome(() -> {
            USER_SCHEMA.checkSatisfiesSchema(user);
            return user;
        }).isEmpty()) {
            return;   // the precondition of both: a stored resource satisfies its schema
        }
        PatchPlan plan;
        try {
            plan = LENIENT.plan(USER, ops("[" + String.join(",", ops) + "]"));
        } catch (ScimException e) {
            return;   // refused before any resource is looked at
        }
        byte[] original = ScimJson.write(user);
        Map<JsonNode, byte[]> heldNodes = everyNode(user);

        Optional<ObjectNode> reference = reference(plan, user);
        assertThat(ScimJson.write(user)).isEqualTo(original);

        Optional<PatchResult> copied = outcome(() -> plan.apply(user));
        assertThat(ScimJson.write(user)).as("apply never writes its input").isEqualTo(original);

        ObjectNode owned = user.deepCopy();
        Map<JsonNode, byte[]> ownedNodes = everyNode(owned);
        Optional<PatchResult> inPlace = outcome(() -> plan.applyInPlace(owned));

        assertThat(copied.isPresent()).as("apply accepts as the reference does").isEqualTo(reference.isPresent());
        assertThat(inPlace.isPresent()).as("applyInPlace accepts as the reference does").isEqualTo(reference.isPresent());
        assertUnwritten(heldNodes);
        assertUnwritten(ownedNodes);
        if (reference.isEmpty()) {
            assertThat(ScimJson.write(owned)).as("a failed in-place patch restores the tree byte for byte").isEqualTo(original);
            return;
        }
        ObjectNode expected = reference.get();
        assertThat(ScimJson.write(owned)).as("in place: the reference's result, member order included")
                .isEqualTo(ScimJson.write(expected));
        assertThat(ScimJson.write(copied.get().resource())).isEqualTo(ScimJson.write(expected));
        List<String> touched = ShortcutsEquivalenceTest.wholeResourceDiff(USER, user, expected);
        assertThat(new ArrayList<>(inPlace.get().touchedAttributes())).isEqualTo(touched);
        assertThat(new ArrayList<>(copied.get().touchedAttributes())).isEqualTo(touched);
    }

    @Property(tries = 200)
    void aPlanFromTheWarmCacheEqualsOneFromAFreshEngine(@ForAll("users") ObjectNode user,
                                                       @ForAll("operationLists") List<String> ops) {
        String body = "[" + String.join(",", ops) + "]";
        Optional<PatchResult> warm = outcome(() -> LENIENT.plan(USER, ops(body)).apply(user));
        Optional<PatchResult> cold = outcome(() -> PatchEngine.builder().build().plan(USER, ops(body)).apply(user));
        assertThat(warm.isPresent()).isEqualTo(cold.isPresent());
        warm.ifPresent(w -> {
            assertThat(ScimJson.write(w.resource())).isEqualTo(ScimJson.write(cold.get().resource()));
            assertThat(w.touchedAttributes()).containsExactlyElementsOf(cold.get().touchedAttributes());
        });
    }

    @Test
    void aFailedInPlacePatchPutsBackWhatItRemovedWhereItWas() {
        ObjectNode user = user("{'nickName':'Bab','title':'T','active':true}");
        byte[] before = ScimJson.write(user);
        PatchPlan plan = LENIENT.plan(USER, ops("[{'op':'remove','path':'nickName'},{'op':'add','path':'locale','value':'fr'},"
                + "{'op':'remove','path':'userName'}]"));
        assertThatThrownBy(() -> plan.applyInPlace(user)).isInstanceOf(ScimException.class)
                .hasMessageContaining("userName");
        assertThat(new String(ScimJson.write(user))).isEqualTo(new String(before));
    }

    @Test
    void anUnknownPathIsRefusedEveryTimeNotCached() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> LENIENT.plan(USER, ops("[{'op':'replace','path':'nickname2','value':'x'}]")))
                    .isInstanceOf(ScimException.class).hasMessageContaining("nickname2");
        }
    }

    /** The reference: apply everything to a deep copy, sync schemas in full, check the whole result. */
    private static Optional<ObjectNode> reference(PatchPlan plan, ObjectNode user) {
        ObjectNode work = user.deepCopy();
        try {
            for (PlannedOperation op : plan.operations()) {
                plan.applier().apply(work, op);
            }
            ResourceChanges.fullSync(USER, work);
            USER_SCHEMA.checkSatisfiesSchema(work);
            return Optional.of(work);
        } catch (ScimException e) {
            return Optional.empty();
        }
    }

    /** Every container node of the tree with its bytes now, to prove none of them is written later. */
    private static Map<JsonNode, byte[]> everyNode(JsonNode root) {
        Map<JsonNode, byte[]> out = new IdentityHashMap<>();
        collect(root, out, true);
        return out;
    }

    private static void collect(JsonNode node, Map<JsonNode, byte[]> out, boolean root) {
        if (node.isContainerNode()) {
            if (!root) {
                out.put(node, ScimJson.write(node));
            }
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), out, false);
            }
        }
    }

    private static void assertUnwritten(Map<JsonNode, byte[]> nodes) {
        nodes.forEach((node, bytes) -> assertThat(ScimJson.write(node)).as("a node the caller held").isEqualTo(bytes));
    }

    private static <T> Optional<T> outcome(java.util.function.Supplier<T> run) {
        try {
            return Optional.of(run.get());
        } catch (ScimException e) {
            return Optional.empty();
        }
    }
}
