package dev.scimkit.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.scimkit.patch.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every PATCH example of RFC 7644 §3.5.2, in both modes (they are RFC, so both must accept them). */
class RfcExamplesTest {

    private static PatchEngine engine(PatchMode mode) {
        return mode == PatchMode.STRICT ? STRICT : LENIENT;
    }

    private static final String BABS = "2819c223-7f76-453a-919d-413861904646";
    private static final String JAMES = "08e1d05d-121c-4561-8b96-473d93df9210";

    @ParameterizedTest
    @EnumSource(PatchMode.class)
    void addMemberToGroup(PatchMode mode) {
        PatchResult r = patchGroup(engine(mode), group("{}"), "[{'op':'add','path':'members','value':[{"
                + "'display':'Babs Jensen','$ref':'https://example.com/v2/Users/" + BABS + "','value':'" + BABS + "'}]}]");
        // members.display is readOnly: the server names members itself, what the client sends is dropped
        assertThat(r.resource().get("members")).isEqualTo(json("[{"
                + "'$ref':'https://example.com/v2/Users/" + BABS + "','value':'" + BABS + "'}]"));
        assertThat(r.touchedAttributes()).containsExactly("members");
        assertThat(r.membershipDelta().addedIds()).containsExactly(BABS);
    }

    @ParameterizedTest
    @EnumSource(PatchMode.class)
    void pathLessAddOfEmailsAndNickName(PatchMode mode) {
        PatchResult r = patchUser(engine(mode), user("{'emails':[{'value':'bjensen@example.com','type':'work'}]}"),
                "[{'op':'add','value':{'emails':[{'value':'babs@jensen.org','type':'home'}],'nickName':'Babs'}}]");
        assertThat(r.resource().get("emails")).isEqualTo(json("[{'value':'bjensen@example.com','type':'work'},"
                + "{'value':'babs@jensen.org','type':'home'}]"));
        assertThat(r.resource().get("nickName").asText()).isEqualTo("Babs");
        assertThat(r.touchedAttributes()).containsExactlyInAnyOrder("emails", "nickName");
    }

    @ParameterizedTest
    @EnumSource(PatchMode.class)
    void removeAllMembers(PatchMode mode) {
        PatchResult r = patchGroup(engine(mode), group("{'members':[{'value':'" + BABS + "'},{'value':'" + JAMES + "'}]}"),
                "[{'op':'remove','path':'members'}]");
        assertThat(r.resource().has("members")).isFalse();
        assertThat(r.membershipDelta().removedIds()).containsExactlyInAnyOrder(BABS, JAMES);
    }

    @ParameterizedTest
    @EnumSource(PatchMode.class)
    void removeOneMember(PatchMode mode) {
        PatchResult r = patchGroup(engine(mode), group("{'members':[{'value':'" + BABS + "'},{'value':'" + JAMES + "'}]}"),
                "[{'op':'remove','path':'members[value eq \\'" + BABS + "\\']'}]");
        assertThat(r.resource().get("members")).isEqualTo(json("[{'value':'" + JAMES + "'}]"));
    }

    @ParameterizedTest
    @EnumSource(PatchMode.class)
    void removeEmailByComplexFilter(PatchMode mode) {
        PatchResult r = patchUser(engine(mode), user("{'emails':[{'value':'bj@example.com','type':'work'},"
                        + "{'value':'bj@jensen.org','type':'work'},{'value':'home@example.com','type':'home'}]}"),
                "[{'op':'remove','path':'emails[type eq \\'work\\' and value ew \\'example.com\\']'}]");
        assertThat(r.resource().get("emails")).isEqualTo(json("[{'value':'bj@jensen.org','type':'work'},"
                + "{'value':'home@example.com','type':'home'}]"));
    }

    @ParameterizedTest
    @EnumSource(PatchMode.class)
    void removeAllMembersThenAddNew(PatchMode mode) {
        PatchResult r = patchGroup(engine(mode), group("{'members':[{'value':'old-1'},{'value':'old-2'}]}"),
                "[{'op':'remove','path':'members'},{'op':'add','path':'members','value':[{'display':'Babs Jensen',"
                        + "'value':'" + BABS + "'},{'display':'James Smith','value':'" + JAMES + "'}]}]");
        assertThat(r.resource().get("members")).isEqualTo(json("[{'value':'" + BABS + "'},{'value':'" + JAMES + "'}]"));
        assertThat(r.membershipDelta().removedIds()).containsExactlyInAnyOrder("old-1", "old-2");
        assertThat(r.membershipDelta().addedIds()).containsExactly(BABS, JAMES);
    }

    @ParameterizedTest
    @EnumSource(PatchMode.class)
    void replaceAllMembers(PatchMode mode) {
        PatchResult r = patchGroup(engine(mode), group("{'members':[{'value':'old-1'}]}"),
                "[{'op':'replace','path':'members','value':[{'display':'Babs Jensen','value':'" + BABS + "'},"
                        + "{'display':'James Smith','value':'" + JAMES + "'}]}]");
        assertThat(r.resource().get("members")).hasSize(2);
        assertThat(r.resource().get("members").get(1).get("value").asText()).isEqualTo(JAMES);
    }

    @ParameterizedTest
    @EnumSource(PatchMode.class)
    void replaceWorkAddress(PatchMode mode) {
        ObjectNode u = user("{'addresses':[{'type':'work','streetAddress':'100 Universal City Plaza','primary':false},"
                + "{'type':'home','streetAddress':'456 Hollywood Blvd','primary':true}]}");
        PatchResult r = patchUser(engine(mode), u, "[{'op':'replace','path':'addresses[type eq \\'work\\']','value':{"
                + "'type':'work','streetAddress':'911 Universal City Plaza','locality':'Hollywood','region':'CA',"
                + "'postalCode':'91608','country':'US','formatted':'911 Universal City Plaza Hollywood, CA 91608 US',"
                + "'primary':true}}]");
        assertThat(r.resource().get("addresses").get(0).get("streetAddress").asText()).isEqualTo("911 Universal City Plaza");
        assertThat(r.resource().get("addresses").get(0).get("primary").asBoolean()).isTrue();
        // RFC 7644 §3.5.2: setting primary on one value clears it on the others
        assertThat(r.resource().get("addresses").get(1).get("primary").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(PatchMode.class)
    void replaceStreetAddressOfWorkAddress(PatchMode mode) {
        ObjectNode u = user("{'addresses':[{'type':'work','streetAddress':'911 Universal City Plaza'},{'type':'home','streetAddress':'x'}]}");
        PatchResult r = patchUser(engine(mode), u,
                "[{'op':'replace','path':'addresses[type eq \\'work\\'].streetAddress','value':'1010 Broadway Ave'}]");
        assertThat(r.resource().get("addresses")).isEqualTo(json("[{'type':'work','streetAddress':'1010 Broadway Ave'},"
                + "{'type':'home','streetAddress':'x'}]"));
    }

    @ParameterizedTest
    @EnumSource(PatchMode.class)
    void pathLessReplace(PatchMode mode) {
        PatchResult r = patchUser(engine(mode), user("{'nickName':'B','emails':[{'value':'old@example.com','type':'work'}]}"),
                "[{'op':'replace','value':{'emails':[{'value':'bjensen@example.com','type':'work','primary':true},"
                        + "{'value':'babs@jensen.org','type':'home'}],'nickName':'Babs'}}]");
        assertThat(r.resource().get("emails")).isEqualTo(json("[{'value':'bjensen@example.com','type':'work','primary':true},"
                + "{'value':'babs@jensen.org','type':'home'}]"));
        assertThat(r.resource().get("nickName").asText()).isEqualTo("Babs");
    }

    @ParameterizedTest
    @EnumSource(PatchMode.class)
    void removeWithoutPathIsNoTarget(PatchMode mode) {
        assertThatThrownBy(() -> patchUser(engine(mode), user("{}"), "[{'op':'remove'}]"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).contains(ScimErrorType.NO_TARGET);
                    assertThat(e.detail()).startsWith("Operation 0");
                });
    }

    @ParameterizedTest
    @EnumSource(PatchMode.class)
    void replaceOfMissingAttributeActsAsAdd(PatchMode mode) {
        PatchResult r = patchUser(engine(mode), user("{}"), "[{'op':'replace','path':'name.givenName','value':'Barbara'}]");
        assertThat(r.resource().get("name")).isEqualTo(json("{'givenName':'Barbara'}"));
        assertThat(r.touchedAttributes()).containsExactly("name.givenName");
    }

    @ParameterizedTest
    @EnumSource(PatchMode.class)
    void filteredReplaceWithoutMatchIsNoTargetInStrictMode(PatchMode mode) {
        ObjectNode u = user("{'emails':[{'value':'h@example.com','type':'home'}]}");
        assertThatThrownBy(() -> patchUser(STRICT, u, "[{'op':'replace','path':'emails[type eq \\'work\\'].value','value':'w@x.org'}]"))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).contains(ScimErrorType.NO_TARGET));
        // a filter that is not "type eq" never creates an element, even when lenient
        assertThatThrownBy(() -> patchUser(engine(mode), u, "[{'op':'replace','path':'emails[value eq \\'w@x.org\\'].type','value':'work'}]"))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).contains(ScimErrorType.NO_TARGET));
    }
}
