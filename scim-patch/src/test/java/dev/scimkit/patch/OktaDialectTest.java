package dev.scimkit.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.scimkit.patch.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PATCH bodies of Okta's "SCIM 2.0 protocol reference" and "Build a SCIM provisioning integration". */
class OktaDialectTest {

    @Test
    void deactivateUserWithPathLessReplace() {
        PatchResult r = patchUser(STRICT, user("{'active':true}"), "[{'op':'replace','value':{'active':false}}]");
        assertThat(r.resource().get("active").booleanValue()).isFalse();
        assertThat(r.touchedAttributes()).containsExactly("active");
    }

    @Test
    void groupRenameRepeatingTheUnchangedId() {
        PatchResult r = patchGroup(LENIENT, group("{}"),
                "[{'op':'replace','value':{'id':'g1','displayName':'Test SCIMv2 Updated'}}]");
        assertThat(r.resource().get("displayName").asText()).isEqualTo("Test SCIMv2 Updated");
        assertThat(r.resource().get("id").asText()).isEqualTo("g1");
        assertThat(r.touchedAttributes()).containsExactly("displayName");
    }

    @Test
    void groupRenameWithAnotherIdIsMutability() {
        assertThatThrownBy(() -> patchGroup(LENIENT, group("{}"), "[{'op':'replace','value':{'id':'other','displayName':'X'}}]"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).contains(ScimErrorType.MUTABILITY);
                    assertThat(e.detail()).startsWith("Operation 0");
                });
        assertThatThrownBy(() -> STRICT.plan(GROUP, ops("[{'op':'replace','value':{'id':'g1','displayName':'X'}}]")))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).contains(ScimErrorType.MUTABILITY));
    }

    @Test
    void addAndRemoveMembers() {
        ObjectNode g = group("{'members':[{'value':'00u1','display':'one@atko.com'}]}");
        PatchResult r = patchGroup(STRICT, g, "[{'op':'remove','path':'members[value eq \\'00u1\\']'},"
                + "{'op':'add','path':'members','value':[{'value':'00u2','display':'two@atko.com'}]}]");
        // display is readOnly (the server fills it in), so Okta's is dropped
        assertThat(r.resource().get("members")).isEqualTo(json("[{'value':'00u2'}]"));
        assertThat(r.membershipDelta().removedIds()).containsExactly("00u1");
        assertThat(r.membershipDelta().addedIds()).containsExactly("00u2");
    }

    @Test
    void thousandMembersInOneOperationTravelAsADelta() {
        StringBuilder values = new StringBuilder("[");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add("00u" + i);
            values.append(i == 0 ? "" : ",").append("{'value':'00u").append(i).append("'}");
        }
        values.append(']');
        PatchPlan plan = LENIENT.plan(GROUP, ops("[{'op':'add','path':'members','value':" + values + "}]"));
        assertThat(plan.membershipDelta()).hasValueSatisfying(d -> assertThat(d.addedIds()).isEqualTo(ids));
        PatchResult r = plan.applyWithoutMembers(group("{}"));
        assertThat(r.resource().has("members")).isFalse();
        assertThat(r.touchedAttributes()).containsExactly("members");
        assertThat(plan.apply(group("{}")).resource().get("members")).hasSize(1000);
    }

    /**
     * A plan of member operations only leaves the whole change to the repository: its result is the
     * group as given, not copied until read, and then a top level of its own (the input untouched).
     */
    @Test
    void aMemberOnlyPlanHandsBackTheGroupAsGivenAndCopiesItOnlyWhenRead() {
        PatchPlan plan = LENIENT.plan(GROUP, ops("[{'op':'add','path':'members','value':[{'value':'00u1'}]}]"));
        ObjectNode stored = group("{'displayName':'Ops','externalId':'g-1'}");
        byte[] before = ScimJson.write(stored);

        PatchResult r = plan.applyWithoutMembers(stored);

        assertThat(r.changed()).isTrue();
        assertThat(r.touchedAttributes()).containsExactly("members");
        assertThat(r.membershipDelta().addedIds()).containsExactly("00u1");
        ObjectNode resource = r.resource();
        assertThat(resource).isNotSameAs(stored).isEqualTo(stored);
        assertThat(r.resource()).isSameAs(resource);
        resource.put("displayName", "Renamed");
        resource.remove("externalId");
        assertThat(ScimJson.write(stored)).isEqualTo(before);

        PatchResult nothing = LENIENT.plan(GROUP, ops("[{'op':'add','path':'members','value':[]}]")).applyWithoutMembers(stored);
        assertThat(nothing.changed()).isFalse();
        assertThat(nothing.resource()).isEqualTo(stored);
    }

    @Test
    void tooManyValuesIsRejected() {
        PatchEngine small = PatchEngine.builder().maxValuesPerOperation(2).build();
        assertThatThrownBy(() -> small.plan(GROUP, ops("[{'op':'add','path':'members','value':[{'value':'a'},{'value':'b'},{'value':'c'}]}]")))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).contains(ScimErrorType.TOO_MANY));
    }
}
