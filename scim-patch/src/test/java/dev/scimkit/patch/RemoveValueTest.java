package dev.scimkit.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.message.PatchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.scimkit.patch.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A remove does what its value says: no value, {@code null} or {@code ""} (as a published compliance
 * suite sends it) is the RFC's remove without a value, so every value goes (RFC 7644 §3.5.2.2); an
 * empty list names nothing to remove, and the plan says so instead of the request passing as a change.
 */
class RemoveValueTest {

    private static final ObjectNode TWO_MEMBERS = group("{'members':[{'value':'m1'},{'value':'m2'}]}");

    @ParameterizedTest
    @ValueSource(strings = {"", ",'value':null", ",'value':''"})
    void aRemoveThatNamesNoValueRemovesEveryMemberInEveryMode(String value) {
        for (PatchEngine engine : new PatchEngine[] {LENIENT, STRICT}) {
            PatchPlan plan = engine.plan(GROUP, ops("[{'op':'remove','path':'members'" + value + "}]"));
            assertThat(plan.apply(TWO_MEMBERS).resource().has("members")).isFalse();
            assertThat(plan.membershipDelta()).hasValueSatisfying(d -> {
                assertThat(d.replaceAll()).isTrue();
                assertThat(d.added()).isEmpty();
            });
            assertThat(plan.operationsChangingNothing()).isEmpty();
        }
    }

    @Test
    void anEmptyStringRemovesASingleValuedAttributeAndAnExtensionToo() {
        ObjectNode user = user("{'title':'Guard','" + ENTERPRISE + "':{'department':'Ops'}}");
        ObjectNode patched = patchUser(LENIENT, user, "[{'op':'Remove','path':'title','value':''},"
                + "{'op':'remove','path':'" + ENTERPRISE + "','value':''}]").resource();
        assertThat(patched.has("title")).isFalse();
        assertThat(patched.has(ENTERPRISE)).isFalse();
    }

    @Test
    void anEmptyListRemovesNothingAndThePlanSaysWhichOperation() {
        PatchPlan plan = LENIENT.plan(GROUP, ops("[{'op':'add','path':'displayName','value':'Ops'},"
                + "{'op':'remove','path':'members','value':[]}]"));
        assertThat(plan.operationsChangingNothing()).containsExactly(1);
        PatchResult r = plan.apply(TWO_MEMBERS);
        assertThat(r.resource().get("members")).isEqualTo(TWO_MEMBERS.get("members"));
        assertThat(r.membershipDelta().isEmpty()).isTrue();
        assertThat(plan.membershipDelta()).hasValueSatisfying(d -> assertThat(d.isEmpty()).isTrue());
    }

    @Test
    void addsOfNothingAndPathLessReplacesOfNothingAreReportedToo() {
        assertThat(LENIENT.plan(USER, ops("[{'op':'replace','value':{}}]")).operationsChangingNothing()).containsExactly(0);
        assertThat(LENIENT.plan(USER, ops("[{'op':'replace','value':{'title':'x'}}]")).operationsChangingNothing()).isEmpty();
        PatchPlan addsNothing = STRICT.plan(GROUP, ops("[{'op':'add','path':'members','value':[]},"
                + "{'op':'add','path':'members','value':[{'value':'m3'}]}]"));
        assertThat(addsNothing.operationsChangingNothing()).containsExactly(0);
        assertThat(addsNothing.apply(TWO_MEMBERS).resource().get("members")).hasSize(3);
        // replacing with an empty list is a change: it removes every member
        assertThat(STRICT.plan(GROUP, ops("[{'op':'replace','path':'members','value':[]}]")).operationsChangingNothing()).isEmpty();
    }

    @Test
    void entraRemovalByValueListStillRemovesOnlyThoseMembers() {
        PatchPlan plan = LENIENT.plan(GROUP, ops("[{'op':'Remove','path':'members','value':[{'value':'m2'}]}]"));
        assertThat(plan.apply(TWO_MEMBERS).resource().get("members")).isEqualTo(json("[{'value':'m1'}]"));
        assertThat(plan.membershipDelta()).hasValueSatisfying(d -> {
            assertThat(d.replaceAll()).isFalse();
            assertThat(d.removedIds()).containsExactly("m2");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{'Operations':[{'op':'remove','path':'members'}]}",
            "{'schemas':['urn:ietf:params:scim:api:messages:2.0:ListResponse'],'Operations':[{'op':'remove','path':'members'}]}",
            "{'schemas':'urn:ietf:params:scim:api:messages:2.0:PatchOp','Operations':[{'op':'remove','path':'members'}]}",
            "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp']}",
            "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':{'op':'remove','path':'members'}}",
            "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[]}"})
    void aMalformedPatchOpIsInvalidSyntax(String body) {
        assertThatThrownBy(() -> LENIENT.parse(json(body)))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).contains(ScimErrorType.INVALID_SYNTAX);
                    assertThat(e.detail()).containsAnyOf("schemas", "Operations");
                });
        PatchRequest wellFormed = LENIENT.parse(json(
                "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'remove','path':'members'}]}"));
        assertThat(wellFormed.operations()).hasSize(1);
    }
}
