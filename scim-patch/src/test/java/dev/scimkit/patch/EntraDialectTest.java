package dev.scimkit.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.scimkit.patch.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The request bodies of Microsoft's "Tutorial: Develop and plan provisioning for a SCIM endpoint" and
 * "Known issues and resolutions with SCIM 2.0 protocol compliance", in the default job's dialect and
 * with the aadOptscim062020 flag. Lenient mode accepts both; strict mode rejects the non-RFC forms.
 */
class EntraDialectTest {

    private static final String MEMBER = "f648f8d5ea4e4cd38e9c";

    @Nested
    class DefaultJob {

        @Test
        void replaceWorkEmailAndFamilyName() {
            ObjectNode u = user("{'emails':[{'value':'old@microsoft.com','type':'work','primary':true}],'name':{'familyName':'Old','givenName':'G'}}");
            PatchResult r = patchUser(LENIENT, u, "[{'op':'Replace','path':'emails[type eq \\'work\\'].value','value':'updatedEmail@microsoft.com'},"
                    + "{'op':'Replace','path':'name.familyName','value':'updatedFamilyName'}]");
            assertThat(r.resource().at("/emails/0/value").asText()).isEqualTo("updatedEmail@microsoft.com");
            assertThat(r.resource().at("/emails/0/primary").asBoolean()).isTrue();
            assertThat(r.resource().get("name")).isEqualTo(json("{'familyName':'updatedFamilyName','givenName':'G'}"));
            assertThat(r.touchedAttributes()).containsExactlyInAnyOrder("emails", "name.familyName");
        }

        @Test
        void replaceUserName() {
            PatchResult r = patchUser(LENIENT, user("{}"),
                    "[{'op':'Replace','path':'userName','value':'5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com'}]");
            assertThat(r.resource().get("userName").asText()).isEqualTo("5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com");
        }

        @Test
        void disableUserWithStringBoolean() {
            PatchResult r = patchUser(LENIENT, user("{'active':true}"), "[{'op':'Replace','path':'active','value':'False'}]");
            assertThat(r.resource().get("active").isBoolean()).isTrue();
            assertThat(r.resource().get("active").booleanValue()).isFalse();
            assertThatThrownBy(() -> patchUser(STRICT, user("{'active':true}"), "[{'op':'Replace','path':'active','value':'False'}]"))
                    .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).contains(ScimErrorType.INVALID_VALUE));
        }

        @Test
        void renameGroup() {
            PatchResult r = patchGroup(LENIENT, group("{}"),
                    "[{'op':'Replace','path':'displayName','value':'1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName'}]");
            assertThat(r.resource().get("displayName").asText()).isEqualTo("1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName");
        }

        @Test
        void addMemberWithNullRef() {
            PatchPlan plan = LENIENT.plan(GROUP, ops("[{'op':'Add','path':'members','value':[{'$ref':null,'value':'" + MEMBER + "'}]}]"));
            PatchResult r = plan.apply(group("{}"));
            assertThat(r.resource().get("members")).isEqualTo(json("[{'value':'" + MEMBER + "'}]"));
            assertThat(plan.membershipDelta()).hasValueSatisfying(d -> assertThat(d.addedIds()).containsExactly(MEMBER));
        }

        @Test
        void removeMemberByValueList() {
            PatchPlan plan = LENIENT.plan(GROUP, ops("[{'op':'Remove','path':'members','value':[{'$ref':null,'value':'" + MEMBER + "'}]}]"));
            PatchResult r = plan.apply(group("{'members':[{'value':'" + MEMBER + "'},{'value':'other'}]}"));
            assertThat(r.resource().get("members")).isEqualTo(json("[{'value':'other'}]"));
            assertThat(plan.membershipDelta()).hasValueSatisfying(d -> {
                assertThat(d.removedIds()).containsExactly(MEMBER);
                assertThat(d.replaceAll()).isFalse();
            });
            // strict mode must not read this as "remove all members"
            assertThatThrownBy(() -> STRICT.plan(GROUP, ops("[{'op':'Remove','path':'members','value':[{'value':'" + MEMBER + "'}]}]")))
                    .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).contains(ScimErrorType.INVALID_VALUE));
        }

        @Test
        void managerAsBareString() {
            PatchResult r = patchUser(LENIENT, user("{}"), "[{'op':'Add','path':'" + ENTERPRISE + ":manager','value':'mgr-1'}]");
            assertThat(r.resource().get(ENTERPRISE)).isEqualTo(json("{'manager':{'value':'mgr-1'}}"));
            assertThat(r.resource().get("schemas")).isEqualTo(json("['urn:ietf:params:scim:schemas:core:2.0:User','" + ENTERPRISE + "']"));
            assertThat(r.touchedAttributes()).containsExactly(ENTERPRISE + ":manager.value");
        }

        @Test
        void managerAsObjectOrOneElementArray() {
            PatchResult asObject = patchUser(LENIENT, user("{}"),
                    "[{'op':'Replace','path':'" + ENTERPRISE + ":manager','value':{'value':'mgr-2'}}]");
            PatchResult asArray = patchUser(LENIENT, user("{}"),
                    "[{'op':'Replace','path':'" + ENTERPRISE + ":manager','value':[{'value':'mgr-2'}]}]");
            assertThat(asObject.resource().get(ENTERPRISE)).isEqualTo(json("{'manager':{'value':'mgr-2'}}"));
            assertThat(asArray.resource()).isEqualTo(asObject.resource());
        }

        @Test
        void removeManager() {
            ObjectNode u = user("{'" + ENTERPRISE + "':{'manager':{'value':'mgr-1'},'employeeNumber':'7'}}");
            u.withArray("schemas").add(ENTERPRISE);
            PatchResult r = patchUser(LENIENT, u, "[{'op':'Remove','path':'" + ENTERPRISE + ":manager','value':[{'value':'mgr-1'}]}]");
            assertThat(r.resource().get(ENTERPRISE)).isEqualTo(json("{'employeeNumber':'7'}"));
        }

        @Test
        void removingLastExtensionAttributeDropsTheExtension() {
            ObjectNode u = user("{'" + ENTERPRISE + "':{'manager':{'value':'mgr-1'}}}");
            u.withArray("schemas").add(ENTERPRISE);
            PatchResult r = patchUser(LENIENT, u, "[{'op':'remove','path':'" + ENTERPRISE + ":manager'}]");
            assertThat(r.resource().has(ENTERPRISE)).isFalse();
            assertThat(r.resource().get("schemas")).isEqualTo(json("['urn:ietf:params:scim:schemas:core:2.0:User']"));
        }

        @Test
        void rolesWithJsonEncodedValue() {
            PatchResult r = patchUser(LENIENT, user("{}"), "[{'op':'Add','path':'roles','value':[{'value':"
                    + "'{\\'id\\':\\'06b07648-ecfe-589f-9d2f-6325724a46ee\\',\\'value\\':\\'25\\',\\'displayName\\':\\'Role1234\\'}'}]}]");
            assertThat(r.resource().get("roles")).isEqualTo(json("[{'value':'25','display':'Role1234'}]"));
        }

        @Test
        void rolesComplexAppRoleAssignments() {
            PatchResult r = patchUser(LENIENT, user("{}"), "[{'op':'Add','path':'roles','value':[{'primary':'False',"
                    + "'type':'WindowsAzureActiveDirectoryRole','display':'Admin','value':'Admin'}]}]");
            assertThat(r.resource().get("roles")).isEqualTo(json("[{'primary':false,'type':'WindowsAzureActiveDirectoryRole',"
                    + "'display':'Admin','value':'Admin'}]"));
        }

        @Test
        void replaceOfMissingTypedValueCreatesIt() {
            PatchResult r = patchUser(LENIENT, user("{'emails':[{'value':'h@example.com','type':'home'}]}"),
                    "[{'op':'Replace','path':'emails[type eq \\'work\\'].value','value':'w@example.com'},"
                            + "{'op':'Replace','path':'phoneNumbers[type eq \\'mobile\\'].value','value':'+1 555 0100'},"
                            + "{'op':'Replace','path':'addresses[type eq \\'work\\'].streetAddress','value':'1 Main St'}]");
            assertThat(r.resource().get("emails")).isEqualTo(json("[{'value':'h@example.com','type':'home'},{'type':'work','value':'w@example.com'}]"));
            assertThat(r.resource().get("phoneNumbers")).isEqualTo(json("[{'type':'mobile','value':'+1 555 0100'}]"));
            assertThat(r.resource().get("addresses")).isEqualTo(json("[{'type':'work','streetAddress':'1 Main St'}]"));
        }

        @Test
        void addOfSingleEmailObject() {
            PatchResult r = patchUser(LENIENT, user("{}"), "[{'op':'Add','path':'emails','value':{'value':'a@b.c','type':'work'}}]");
            assertThat(r.resource().get("emails")).isEqualTo(json("[{'value':'a@b.c','type':'work'}]"));
        }
    }

    @Nested
    class OptScim062020 {

        @Test
        void lowerCaseOpsAndRealBooleans() {
            PatchResult r = patchUser(STRICT, user("{'active':true}"), "[{'op':'replace','path':'active','value':false}]");
            assertThat(r.resource().get("active").booleanValue()).isFalse();
        }

        @Test
        void memberRemovalByFilter() {
            PatchPlan plan = STRICT.plan(GROUP, ops("[{'op':'remove','path':'members[value eq \\'" + MEMBER + "\\']'}]"));
            assertThat(plan.membershipDelta()).hasValueSatisfying(d -> assertThat(d.removedIds()).containsExactly(MEMBER));
            assertThat(plan.apply(group("{'members':[{'value':'" + MEMBER + "'}]}")).resource().has("members")).isFalse();
        }

        @Test
        void pathLessReplaceWithDottedAndUrnKeys() {
            ObjectNode u = user("{'name':{'givenName':'Old','familyName':'Jensen'},'active':true}");
            PatchResult r = patchUser(LENIENT, u, "[{'op':'replace','value':{'displayName':'Pvs','name.givenName':'X',"
                    + "'" + ENTERPRISE + ":employeeNumber':'7','" + ENTERPRISE + ":manager':'mgr-9','active':false}}]");
            assertThat(r.resource().get("name")).isEqualTo(json("{'givenName':'X','familyName':'Jensen'}"));
            assertThat(r.resource().get(ENTERPRISE)).isEqualTo(json("{'employeeNumber':'7','manager':{'value':'mgr-9'}}"));
            assertThat(r.resource().get("active").booleanValue()).isFalse();
            assertThat(r.touchedAttributes()).containsExactlyInAnyOrder("displayName", "name.givenName", "active",
                    ENTERPRISE + ":employeeNumber", ENTERPRISE + ":manager.value");
            assertThatThrownBy(() -> patchUser(STRICT, u, "[{'op':'replace','value':{'name.givenName':'X'}}]"))
                    .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).contains(ScimErrorType.INVALID_PATH));
        }

        @Test
        void pathLessReplaceWithExtensionObjectIsRfc() {
            PatchResult r = patchUser(STRICT, user("{}"), "[{'op':'replace','value':{'" + ENTERPRISE + "':{'employeeNumber':'7'}}}]");
            assertThat(r.resource().get(ENTERPRISE)).isEqualTo(json("{'employeeNumber':'7'}"));
        }

        @Test
        void addMembers() {
            PatchResult r = patchGroup(STRICT, group("{}"), "[{'op':'add','path':'members','value':[{'value':'a'},{'value':'b'}]}]");
            assertThat(r.membershipDelta().addedIds()).containsExactly("a", "b");
        }
    }
}
