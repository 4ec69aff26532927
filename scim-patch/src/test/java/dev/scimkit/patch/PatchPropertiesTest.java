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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.scimkit.patch.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PATCH laws of issue 3, as properties over generated resources and operations. */
class PatchPropertiesTest {

    private static final ResourceValidator USER_SCHEMA = new ResourceValidator(USER);

    // ------------------------------------------------------------------ generators

    private static Arbitrary<String> word() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6);
    }

    @Provide
    Arbitrary<ObjectNode> users() {
        Arbitrary<List<String>> emails = word().list().ofMaxSize(3).uniqueElements(s -> s.toLowerCase());
        return Combinators.combine(word().injectNull(0.3), word().injectNull(0.3), emails, Arbitraries.of(true, false))
                .as((nick, given, mails, active) -> {
                    ObjectNode u = user("{}");
                    if (nick != null) {
                        u.put("nickName", nick);
                    }
                    if (given != null) {
                        u.putObject("name").put("givenName", given);
                    }
                    if (!mails.isEmpty()) {
                        mails.forEach(m -> u.withArray("emails").addObject().put("value", m + "@example.com").put("type", "work"));
                    }
                    u.put("active", active);
                    return u;
                });
    }

    /** One RFC operation on a User, as JSON text. */
    @Provide
    Arbitrary<String> userOperations() {
        return Arbitraries.oneOf(
                word().map(w -> "{'op':'replace','path':'nickName','value':'" + w + "'}"),
                word().map(w -> "{'op':'add','path':'title','value':'" + w + "'}"),
                word().map(w -> "{'op':'replace','path':'name.givenName','value':'" + w + "'}"),
                word().map(w -> "{'op':'add','path':'emails','value':[{'value':'" + w + "@example.com','type':'home'}]}"),
                word().map(w -> "{'op':'remove','path':'emails[value eq \\'" + w + "@example.com\\']'}"),
                Arbitraries.of("{'op':'remove','path':'nickName'}", "{'op':'remove','path':'name'}",
                        "{'op':'replace','path':'active','value':false}", "{'op':'remove','path':'emails'}"));
    }

    private static String opsArray(List<String> ops) {
        return "[" + String.join(",", ops) + "]";
    }

    // ------------------------------------------------------------------ laws

    @Property(tries = 200)
    void addThenRemoveOfANewValueRestoresTheResource(@ForAll("users") ObjectNode user, @ForAll("word") String w) {
        String email = "new-" + w + "@example.org";
        PatchResult added = patchUser(STRICT, user, "[{'op':'add','path':'emails','value':[{'value':'" + email + "','type':'other'}]}]");
        PatchResult removed = patchUser(STRICT, added.resource(), "[{'op':'remove','path':'emails[value eq \\'" + email + "\\']'}]");
        assertThat(added.changed()).isTrue();
        assertThat(removed.resource()).isEqualTo(user);

        if (!user.has("title")) {
            PatchResult t = patchUser(STRICT, user, "[{'op':'add','path':'title','value':'" + w + "'},{'op':'remove','path':'title'}]");
            assertThat(t.resource()).isEqualTo(user);
            assertThat(t.changed()).isFalse();
        }
    }

    @Provide("word")
    Arbitrary<String> wordProvider() {
        return word();
    }

    @Property(tries = 200)
    void replaceIsIdempotent(@ForAll("users") ObjectNode user, @ForAll("userOperations") String op) {
        String ops = opsArray(List.of(op));
        PatchResult once;
        try {
            once = patchUser(LENIENT, user, ops);
        } catch (ScimException e) {
            net.jqwik.api.statistics.Statistics.label("outcome").collect("rejected");
            return; // e.g. a filtered operation with nothing to select: nothing to compare
        }
        net.jqwik.api.statistics.Statistics.label("outcome").collect(op.contains("'add'") ? "add" : "checked");
        net.jqwik.api.statistics.Statistics.label("outcome").coverage(c -> c.check("checked").percentage(p -> p >= 50));
        if (!op.contains("'add'")) {
            PatchResult twice = patchUser(LENIENT, once.resource(), ops);
            assertThat(twice.resource()).isEqualTo(once.resource());
            assertThat(twice.changed()).isFalse();
        }
    }

    /**
     * A remove does what its value says: {@code ""} and {@code null} name no value, so the remove is
     * the one without a value; an empty list names nothing, so the request gives what it gives without
     * that operation, and the plan says which operation it was.
     */
    @Property(tries = 200)
    void aRemoveOfNoValueIsARemoveAndARemoveOfNothingChangesNothing(@ForAll("users") ObjectNode user,
                                                                    @ForAll("userOperationLists") List<String> ops,
                                                                    @ForAll("removablePaths") String path,
                                                                    @ForAll("word") String where) {
        int at = Math.floorMod(where.hashCode(), ops.size() + 1);
        JsonNode withoutValue = outcome(user, insert(ops, at, "{'op':'remove','path':'" + path + "'}"));
        for (String noValue : List.of("''", "null")) {
            assertThat(outcome(user, insert(ops, at, "{'op':'remove','path':'" + path + "','value':" + noValue + "}")))
                    .isEqualTo(withoutValue);
        }
        List<String> withNothing = insert(ops, at, "{'op':'remove','path':'emails','value':[]}");
        assertThat(outcome(user, withNothing)).isEqualTo(outcome(user, ops));
        assertThat(LENIENT.plan(USER, ops(opsArray(withNothing))).operationsChangingNothing()).contains(at);
    }

    @Provide
    Arbitrary<String> removablePaths() {
        return Arbitraries.of("nickName", "name", "name.givenName", "emails", "title");
    }

    private static List<String> insert(List<String> ops, int at, String op) {
        List<String> out = new ArrayList<>(ops);
        out.add(at, op);
        return out;
    }

    /** The patched resource, or the error's status and scimType. */
    private static JsonNode outcome(ObjectNode user, List<String> ops) {
        try {
            return patchUser(LENIENT, user, opsArray(ops)).resource();
        } catch (ScimException e) {
            return ScimJson.nodes().textNode(e.status() + " " + e.scimType().map(Object::toString).orElse(""));
        }
    }

    @Property(tries = 200)
    void patchedResourceSatisfiesItsSchema(@ForAll("users") ObjectNode user,
                                           @ForAll("userOperationLists") List<String> ops) {
        try {
            PatchResult r = patchUser(LENIENT, user, opsArray(ops));
            net.jqwik.api.statistics.Statistics.label("outcome").collect(r.changed() ? "changed" : "unchanged");
            USER_SCHEMA.checkSatisfiesSchema(r.resource());
            assertThat(r.resource().get("userName").asText()).isEqualTo("bjensen");
        } catch (ScimException e) {
            net.jqwik.api.statistics.Statistics.label("outcome").collect("rejected");
            assertThat(e.status()).isEqualTo(400);
        }
    }

    @Provide
    Arbitrary<List<String>> userOperationLists() {
        return userOperations().list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 200)
    void failingRequestLeavesTheResourceByteForByteUnchanged(@ForAll("users") ObjectNode user,
                                                             @ForAll("userOperationLists") List<String> ops) {
        byte[] before = ScimJson.write(user);
        List<String> failing = new ArrayList<>(ops);
        failing.add("{'op':'remove','path':'userName'}");
        assertThatThrownBy(() -> patchUser(LENIENT, user, opsArray(failing))).isInstanceOf(ScimException.class);
        assertThat(ScimJson.write(user)).isEqualTo(before);
    }

    @Property(tries = 200)
    void oneRequestEqualsOneRequestPerOperation(@ForAll("users") ObjectNode user,
                                                @ForAll("userOperationLists") List<String> ops) {
        JsonNode together;
        try {
            together = patchUser(LENIENT, user, opsArray(ops)).resource();
        } catch (ScimException e) {
            together = null;
        }
        JsonNode oneByOne = user;
        try {
            for (String op : ops) {
                oneByOne = patchUser(LENIENT, (ObjectNode) oneByOne, opsArray(List.of(op))).resource();
            }
        } catch (ScimException e) {
            oneByOne = null;
        }
        net.jqwik.api.statistics.Statistics.label("outcome").collect(together == null ? "rejected" : together.equals(user) ? "unchanged" : "changed");
        assertThat(oneByOne).isEqualTo(together);
    }

    // ------------------------------------------------------------------ membership delta

    @Provide
    Arbitrary<List<String>> memberIds() {
        return Arbitraries.of("a", "b", "c", "d", "e", "f").list().ofMaxSize(5);
    }

    private static String members(List<String> ids) {
        List<String> out = new ArrayList<>();
        ids.forEach(id -> out.add("{'value':'" + id + "','display':'" + id.toUpperCase() + "'}"));
        return "[" + String.join(",", out) + "]";
    }

    @Provide
    Arbitrary<String> groupOperations() {
        Arbitrary<String> id = Arbitraries.of("a", "b", "c", "d", "e", "f", "A");
        return Arbitraries.oneOf(
                memberIds().map(ids -> "{'op':'add','path':'members','value':" + members(ids) + "}"),
                memberIds().map(ids -> "{'op':'replace','path':'members','value':" + members(ids) + "}"),
                id.map(i -> "{'op':'remove','path':'members[value eq \\'" + i + "\\']'}"),
                Combinators.combine(id, id).as((i, j) -> "{'op':'remove','path':'members[value eq \\'" + i
                        + "\\' or value eq \\'" + j + "\\']'}"),
                memberIds().map(ids -> "{'op':'Remove','path':'members','value':" + members(ids).replace(",'display'", ",'$ref':null,'x'")
                        .replaceAll(",'x':'[A-Za-z]+'", "") + "}"),
                Arbitraries.just("{'op':'remove','path':'members'}"),
                word().map(w -> "{'op':'replace','path':'displayName','value':'" + w + "'}"),
                word().map(w -> "{'op':'replace','value':{'displayName':'" + w + "','members':" + members(List.of(w.substring(0, 1))) + "}}"));
    }

    @Property(tries = 300)
    void membershipDeltaEqualsTheFullPatch(@ForAll("memberIds") List<String> current,
                                           @ForAll("groupOperationLists") List<String> ops) {
        ObjectNode full = group("{}");
        List<String> unique = current.stream().distinct().toList();
        full.set("members", json(members(unique)));
        if (unique.isEmpty()) {
            full.remove("members");
        }
        PatchPlan plan = LENIENT.plan(GROUP, ops(opsArray(ops)));
        assertThat(plan.membershipDelta()).isPresent();
        PatchResult viaFull = plan.apply(full);

        ObjectNode withoutMembers = full.deepCopy();
        withoutMembers.remove("members");
        PatchResult viaDelta = plan.applyWithoutMembers(withoutMembers);
        JsonNode deltaMembers = viaDelta.membershipDelta().applyTo(full.get("members"));

        ObjectNode fullWithoutMembers = viaFull.resource();
        JsonNode fullMembers = fullWithoutMembers.remove("members");
        assertThat(viaDelta.resource()).isEqualTo(fullWithoutMembers);
        assertThat(fullMembers == null ? ScimJson.mapper().createArrayNode() : fullMembers).isEqualTo(deltaMembers);

        // the effective change reported by the full patch matches the member sets
        Set<String> removed = viaFull.membershipDelta().removedIds();
        for (String id : removed) {
            assertThat(deltaMembers.findValuesAsText("value")).doesNotContain(id);
        }
    }

    @Provide
    Arbitrary<List<String>> groupOperationLists() {
        return groupOperations().list().ofMinSize(1).ofMaxSize(6);
    }
}
