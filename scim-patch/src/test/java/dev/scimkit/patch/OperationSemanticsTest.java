package dev.scimkit.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import org.junit.jupiter.api.Test;

import static dev.scimkit.patch.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RFC 7644 §3.5.2 rules that the mutation run (mutation/README.md) showed no test asserting: whole
 * extension objects as targets and as keys of a path-less value, removing sub-attributes, filtered
 * add versus replace, a replaced element's immutable sub-attributes, the limits at their exact
 * bounds, and readOnly targets of Entra ID's remove-by-value.
 */
class OperationSemanticsTest {

    // ------------------------------------------------------------------ extension objects

    /** RFC 7644 §3.5.2.1: the path may name a schema extension; the value holds its attributes. */
    @Test
    void anAddOnTheExtensionUrnSetsItsAttributesAndListsTheSchema() {
        for (PatchEngine engine : new PatchEngine[]{STRICT, LENIENT}) {
            PatchResult r = patchUser(engine, user("{}"),
                    "[{'op':'add','path':'" + ENTERPRISE + "','value':{'department':'Sales','costCenter':'4130'}}]");
            assertThat(r.resource().get(ENTERPRISE)).isEqualTo(json("{'department':'Sales','costCenter':'4130'}"));
            assertThat(r.resource().get("schemas")).contains(json("'" + ENTERPRISE + "'"));
            assertThat(r.changed()).isTrue();
        }
    }

    /** RFC 7644 §3.5.2.1/§3.5.2.3: a path-less value's keys may be extension URNs holding their attributes. */
    @Test
    void aPathLessValueKeyedByTheExtensionUrnSetsItsAttributes() {
        PatchResult r = patchUser(STRICT, user("{'title':'t0'}"),
                "[{'op':'replace','value':{'title':'t1','" + ENTERPRISE + "':{'department':'Ops'}}}]");
        assertThat(r.resource().path("title").asText()).isEqualTo("t1");
        assertThat(r.resource().get(ENTERPRISE)).isEqualTo(json("{'department':'Ops'}"));
        assertThat(r.touchedAttributes()).contains("title", ENTERPRISE + ":department");
    }

    @Test
    void anExtensionsValueMustBeAnObjectOfItsAttributes() {
        assertInvalid(STRICT, user("{}"), "[{'op':'replace','value':{'" + ENTERPRISE + "':'Ops'}}]",
                ScimErrorType.INVALID_VALUE);
        assertInvalid(STRICT, user("{}"), "[{'op':'add','path':'" + ENTERPRISE + "','value':'Ops'}]",
                ScimErrorType.INVALID_VALUE);
        assertInvalid(STRICT, user("{}"), "[{'op':'add','path':'" + ENTERPRISE + "','value':['Ops']}]",
                ScimErrorType.INVALID_VALUE);
    }

    /** Removing the whole extension takes no value: one that names something is refused, in every mode. */
    @Test
    void aRemoveOfTheExtensionWithAValueIsRefusedAndWithoutOneRemovesIt() {
        ObjectNode u = user("{'" + ENTERPRISE + "':{'department':'Ops','employeeNumber':'7'}}");
        u.withArray("schemas").add(ENTERPRISE);
        for (PatchEngine engine : new PatchEngine[]{STRICT, LENIENT}) {
            assertInvalid(engine, u, "[{'op':'remove','path':'" + ENTERPRISE + "','value':{'department':'Ops'}}]",
                    ScimErrorType.INVALID_VALUE);
            PatchResult removed = patchUser(engine, u, "[{'op':'remove','path':'" + ENTERPRISE + "'}]");
            assertThat(removed.resource().has(ENTERPRISE)).isFalse();
            assertThat(removed.resource().get("schemas")).doesNotContain(json("'" + ENTERPRISE + "'"));
        }
    }

    /** Clients echo {@code schemas} in a path-less value: it is not an attribute to write, and not an error. */
    @Test
    void aPathLessValueMayEchoSchemas() {
        PatchResult r = patchUser(STRICT, user("{}"), "[{'op':'replace','value':{'schemas':"
                + "['urn:ietf:params:scim:schemas:core:2.0:User'],'nickName':'Babs'}}]");
        assertThat(r.resource().path("nickName").asText()).isEqualTo("Babs");
        assertThat(r.resource().get("schemas")).isEqualTo(json("['urn:ietf:params:scim:schemas:core:2.0:User']"));
    }

    /**
     * An extension object stored under another spelling of its URN (names are case-insensitive, RFC
     * 7643 §2.1) is patched in place and comes back under the schema's spelling, once.
     */
    @Test
    void anExtensionSpelledInAnotherCaseIsPatchedUnderItsCanonicalName() {
        String shouted = ENTERPRISE.toUpperCase(java.util.Locale.ROOT);
        ObjectNode u = user("{'" + shouted + "':{'department':'Ops','employeeNumber':'7'}}");
        PatchResult r = patchUser(STRICT, u, "[{'op':'replace','path':'" + ENTERPRISE + ":department','value':'Sales'}]");
        assertThat(r.resource().has(shouted)).isFalse();
        assertThat(r.resource().get(ENTERPRISE)).isEqualTo(json("{'department':'Sales','employeeNumber':'7'}"));
    }

    // ------------------------------------------------------------------ sub-attributes

    /** RFC 7644 §3.5.2.2: removing a sub-attribute that is not there changes nothing. */
    @Test
    void removingASubAttributeOfAnAbsentAttributeChangesNothing() {
        ObjectNode u = user("{'nickName':'n'}");
        PatchResult r = patchUser(STRICT, u, "[{'op':'remove','path':'name.givenName'}]");
        assertThat(r.resource()).isEqualTo(u);
        assertThat(r.changed()).isFalse();
    }

    /** Removing the last sub-attribute leaves the complex attribute unassigned, not an empty object. */
    @Test
    void removingTheLastSubAttributeRemovesTheAttribute() {
        PatchResult last = patchUser(STRICT, user("{'name':{'givenName':'Barbara'}}"),
                "[{'op':'remove','path':'name.givenName'}]");
        assertThat(last.resource().has("name")).isFalse();
        assertThat(last.touchedAttributes()).contains("name.givenName");

        PatchResult notLast = patchUser(STRICT, user("{'name':{'givenName':'Barbara','familyName':'Jensen'}}"),
                "[{'op':'remove','path':'name.givenName'}]");
        assertThat(notLast.resource().get("name")).isEqualTo(json("{'familyName':'Jensen'}"));
    }

    // ------------------------------------------------------------------ attr[filter] and attr[filter].sub

    /** RFC 7644 §3.5.2.1: add on a filtered value merges into each selected element. */
    @Test
    void aFilteredAddMergesIntoTheSelectedElement() {
        ObjectNode u = user("{'emails':[{'value':'w@x.org','type':'work','display':'W'},{'value':'h@x.org','type':'home'}]}");
        PatchResult r = patchUser(STRICT, u, "[{'op':'add','path':'emails[type eq \\'work\\']','value':{'primary':true}}]");
        assertThat(r.resource().get("emails")).isEqualTo(json(
                "[{'value':'w@x.org','type':'work','display':'W','primary':true},{'value':'h@x.org','type':'home'}]"));
    }

    /** RFC 7644 §3.5.2.3: replace on a filtered value replaces each selected element as a whole. */
    @Test
    void aFilteredReplaceReplacesTheSelectedElementWhole() {
        ObjectNode u = user("{'emails':[{'value':'w@x.org','type':'work','display':'W'},{'value':'h@x.org','type':'home'}]}");
        PatchResult r = patchUser(STRICT, u,
                "[{'op':'replace','path':'emails[type eq \\'work\\']','value':{'value':'new@x.org','type':'work'}}]");
        assertThat(r.resource().get("emails")).isEqualTo(json(
                "[{'value':'new@x.org','type':'work'},{'value':'h@x.org','type':'home'}]"));
    }

    /**
     * Entra ID's upsert (a replace on {@code emails[type eq "work"]} with no work e-mail yet) creates
     * the element with the filter's type and the value merged in; the RFC engine refuses it (noTarget).
     */
    @Test
    void aFilteredReplaceThatMatchesNothingCreatesTheTypedElementOnlyInLenientMode() {
        ObjectNode u = user("{'emails':[{'value':'h@x.org','type':'home'}]}");
        PatchResult r = patchUser(LENIENT, u,
                "[{'op':'replace','path':'emails[type eq \\'work\\']','value':{'value':'w@x.org'}}]");
        assertThat(r.resource().get("emails")).isEqualTo(json(
                "[{'value':'h@x.org','type':'home'},{'type':'work','value':'w@x.org'}]"));
        assertInvalid(STRICT, u, "[{'op':'replace','path':'emails[type eq \\'work\\']','value':{'value':'w@x.org'}}]",
                ScimErrorType.NO_TARGET);
    }

    /** Entra ID sends a one-element array for one filtered element: read as the element in lenient mode only. */
    @Test
    void aOneElementArrayForAFilteredValueIsTheElementInLenientModeOnly() {
        ObjectNode u = user("{'emails':[{'value':'w@x.org','type':'work'}]}");
        String op = "[{'op':'replace','path':'emails[type eq \\'work\\']','value':[{'value':'v@x.org','type':'work'}]}]";
        assertThat(patchUser(LENIENT, u, op).resource().get("emails")).isEqualTo(json("[{'value':'v@x.org','type':'work'}]"));
        assertInvalid(STRICT, u, op, ScimErrorType.INVALID_VALUE);
        assertInvalid(LENIENT, u, "[{'op':'replace','path':'emails[type eq \\'work\\']','value':"
                + "[{'value':'v@x.org'},{'value':'u@x.org'}]}]", ScimErrorType.INVALID_VALUE);
        assertInvalid(LENIENT, u, "[{'op':'replace','path':'emails[type eq \\'work\\']','value':[null]}]",
                ScimErrorType.INVALID_VALUE);
    }

    /** RFC 7644 §3.5.2.2: remove on {@code attr[filter].sub} removes the sub-attribute of each selected element. */
    @Test
    void aFilteredSubAttributeRemoveRemovesItFromTheSelectedElementsOnly() {
        ObjectNode u = user("{'emails':[{'value':'w@x.org','type':'work','display':'W'},{'value':'h@x.org','type':'home','display':'H'}]}");
        PatchResult r = patchUser(STRICT, u, "[{'op':'remove','path':'emails[type eq \\'work\\'].display'}]");
        assertThat(r.resource().get("emails")).isEqualTo(json(
                "[{'value':'w@x.org','type':'work'},{'value':'h@x.org','type':'home','display':'H'}]"));
    }

    /** An element left with no sub-attribute is no value at all, and goes; the last one takes the attribute. */
    @Test
    void aFilteredSubAttributeRemoveThatEmptiesTheElementRemovesTheElement() {
        ObjectNode u = user("{'emails':[{'value':'w@x.org'},{'value':'h@x.org','type':'home'}]}");
        PatchResult r = patchUser(STRICT, u, "[{'op':'remove','path':'emails[value eq \\'w@x.org\\'].value'}]");
        assertThat(r.resource().get("emails")).isEqualTo(json("[{'value':'h@x.org','type':'home'}]"));

        PatchResult last = patchUser(STRICT, user("{'emails':[{'value':'w@x.org'}]}"),
                "[{'op':'remove','path':'emails[value eq \\'w@x.org\\'].value'}]");
        assertThat(last.resource().has("emails")).isFalse();
    }

    /**
     * RFC 7643 §2.2: an immutable sub-attribute keeps its value when its element is replaced as a
     * whole; Group {@code members.value} is immutable, so replacing a member element with another
     * member is a 400 mutability, while repeating the same value is not.
     */
    @Test
    void aFilteredReplaceMayNotChangeAnImmutableSubAttribute() {
        ObjectNode g = group("{'members':[{'value':'m1'}]}");
        assertThatThrownBy(() -> patchGroup(STRICT, g,
                "[{'op':'replace','path':'members[value eq \\'m1\\']','value':{'value':'m2'}}]"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).contains(ScimErrorType.MUTABILITY);
                    assertThat(e.detail()).contains("members").contains("value");
                });
        PatchResult same = patchGroup(STRICT, g,
                "[{'op':'replace','path':'members[value eq \\'m1\\']','value':{'value':'m1'}}]");
        assertThat(same.resource().get("members")).isEqualTo(json("[{'value':'m1'}]"));
    }

    // ------------------------------------------------------------------ primary (RFC 7644 §3.5.2)

    /** "a PATCH operation that sets a value's primary sub-attribute to true SHALL cause ... false for any other values". */
    @Test
    void anAddedPrimaryValueTakesPrimaryFromTheOthers() {
        ObjectNode u = user("{'emails':[{'value':'a@x.org','primary':true}]}");
        PatchResult r = patchUser(STRICT, u, "[{'op':'add','path':'emails','value':[{'value':'b@x.org','primary':true}]}]");
        assertThat(r.resource().get("emails")).isEqualTo(json(
                "[{'value':'a@x.org','primary':false},{'value':'b@x.org','primary':true}]"));
    }

    // ------------------------------------------------------------------ limits at their bounds

    @Test
    void aRequestMayExpandToExactlyTheOperationLimitButNotBeyond() {
        PatchEngine two = PatchEngine.builder().mode(PatchMode.STRICT).maxOperations(2).build();
        PatchResult r = patchUser(two, user("{}"), "[{'op':'add','value':{'nickName':'n','title':'t'}}]");
        assertThat(r.resource().path("title").asText()).isEqualTo("t");
        assertInvalid(two, user("{}"), "[{'op':'add','value':{'nickName':'n','title':'t','locale':'fr'}}]",
                ScimErrorType.TOO_MANY);
    }

    @Test
    void aRemoveByValueMayNameExactlyTheValueLimitButNotMore() {
        PatchEngine two = PatchEngine.builder().maxValuesPerOperation(2).build();
        ObjectNode g = group("{'members':[{'value':'m1'},{'value':'m2'},{'value':'m3'}]}");
        PatchResult r = patchGroup(two, g, "[{'op':'remove','path':'members','value':[{'value':'m1'},{'value':'m3'}]}]");
        assertThat(r.resource().get("members")).isEqualTo(json("[{'value':'m2'}]"));
        assertThatThrownBy(() -> patchGroup(two, g,
                "[{'op':'remove','path':'members','value':[{'value':'m1'},{'value':'m2'},{'value':'m3'}]}]"))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).contains(ScimErrorType.TOO_MANY));
    }

    /** Entra ID's remove-by-value on a single-valued readOnly attribute is still a readOnly write. */
    @Test
    void aRemoveByValueOfAReadOnlyAttributeIsRefused() {
        assertInvalid(LENIENT, user("{}"), "[{'op':'remove','path':'id','value':'u1'}]", ScimErrorType.MUTABILITY);
        assertInvalid(LENIENT, user("{}"), "[{'op':'remove','path':'meta.created','value':'2020-01-01T00:00:00Z'}]",
                ScimErrorType.MUTABILITY);
    }

    // ------------------------------------------------------------------ null values (Entra ID clearing)

    /** Entra ID clears a value with {@code replace} and {@code null}: a remove in lenient mode, a 400 in strict. */
    @Test
    void aReplaceWithNullRemovesInLenientModeOnly() {
        ObjectNode u = user("{'title':'Boss'}");
        PatchResult r = patchUser(LENIENT, u, "[{'op':'replace','path':'title','value':null}]");
        assertThat(r.resource().has("title")).isFalse();
        assertThat(r.changed()).isTrue();
        assertInvalid(STRICT, u, "[{'op':'replace','path':'title','value':null}]", ScimErrorType.INVALID_VALUE);
        assertInvalid(LENIENT, u, "[{'op':'add','path':'title','value':null}]", ScimErrorType.INVALID_VALUE);
    }

    // ------------------------------------------------------------------ single-valued attributes

    /** Entra ID's manager as a one-element array is the manager in lenient mode; two elements are no single value. */
    @Test
    void aOneElementArrayForASingleValuedAttributeIsItsValueInLenientModeOnly() {
        String path = ENTERPRISE + ":manager";
        PatchResult r = patchUser(LENIENT, user("{}"), "[{'op':'replace','path':'" + path + "','value':[{'value':'m7'}]}]");
        assertThat(r.resource().path(ENTERPRISE).path("manager").path("value").asText()).isEqualTo("m7");
        assertInvalid(STRICT, user("{}"), "[{'op':'replace','path':'" + path + "','value':[{'value':'m7'}]}]",
                ScimErrorType.INVALID_VALUE);
        assertInvalid(LENIENT, user("{}"), "[{'op':'replace','path':'" + path + "','value':[{'value':'m7'},{'value':'m8'}]}]",
                ScimErrorType.INVALID_VALUE);
        assertInvalid(LENIENT, user("{}"), "[{'op':'replace','path':'title','value':['a','b']}]", ScimErrorType.INVALID_VALUE);
        assertThat(patchUser(LENIENT, user("{}"), "[{'op':'replace','path':'title','value':['a']}]").resource()
                .path("title").asText()).isEqualTo("a");
    }

    @Test
    void anOperationMayCarryExactlyTheValueLimitButNotMore() {
        PatchEngine two = PatchEngine.builder().mode(PatchMode.STRICT).maxValuesPerOperation(2).build();
        PatchResult r = patchUser(two, user("{}"), "[{'op':'add','path':'emails','value':[{'value':'a@x.org'},{'value':'b@x.org'}]}]");
        assertThat(r.resource().get("emails")).hasSize(2);
        assertInvalid(two, user("{}"), "[{'op':'add','path':'emails','value':[{'value':'a@x.org'},{'value':'b@x.org'},"
                + "{'value':'c@x.org'}]}]", ScimErrorType.TOO_MANY);
    }

    // ------------------------------------------------------------------ membership deltas

    /**
     * A remove of members travels as a delta only when its filter names member ids and nothing else
     * ({@code value eq "a" or value eq "b"}); any other filter (another operator, another
     * sub-attribute, one of several terms) selects members only the full resource can tell.
     */
    @Test
    void onlyValueEqualitiesBecomeAMembershipDelta() {
        assertThat(LENIENT.plan(GROUP, ops("[{'op':'remove','path':'members[value eq \\'a\\' or value eq \\'b\\']'}]"))
                .membershipDelta()).hasValueSatisfying(d -> assertThat(d.removedIds()).containsExactly("a", "b"));
        for (String filter : new String[]{"value sw \\'a\\'", "value ne \\'a\\'", "type eq \\'User\\'",
                "value eq \\'a\\' or type eq \\'User\\'", "type eq \\'User\\' or value eq \\'a\\'",
                "value eq \\'a\\' and type eq \\'User\\'", "not (value eq \\'a\\')"}) {
            PatchPlan plan = LENIENT.plan(GROUP, ops("[{'op':'remove','path':'members[" + filter + "]'}]"));
            assertThat(plan.membershipDelta()).as(filter).isEmpty();
        }
    }

    /** What the delta says is what applying the plan does, for the filters that make one. */
    @Test
    void aRemoveDeltaRemovesWhatTheFullApplyRemoves() {
        ObjectNode g = group("{'members':[{'value':'a'},{'value':'b'},{'value':'c'}]}");
        PatchPlan plan = LENIENT.plan(GROUP, ops("[{'op':'remove','path':'members[value eq \\'a\\' or value eq \\'c\\']'}]"));
        assertThat(plan.membershipDelta().orElseThrow().applyTo(g.get("members")))
                .isEqualTo(plan.apply(g).resource().get("members"))
                .isEqualTo(json("[{'value':'b'}]"));
    }

    private static void assertInvalid(PatchEngine engine, ObjectNode resource, String operations, ScimErrorType type) {
        String before = resource.toString();
        assertThatThrownBy(() -> patchUser(engine, resource, operations))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).as(e.detail()).contains(type);
                });
        assertThat(resource.toString()).isEqualTo(before);
    }
}
