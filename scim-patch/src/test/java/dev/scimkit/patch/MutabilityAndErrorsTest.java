package dev.scimkit.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static dev.scimkit.patch.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mutability (RFC 7643 §2.2), path and value errors, atomicity; each error names its operation. */
class MutabilityAndErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[{'op':'replace','path':'id','value':'x'}]|MUTABILITY|Operation 0",
            "[{'op':'add','path':'nickName','value':'n'},{'op':'remove','path':'meta'}]|MUTABILITY|Operation 1",
            "[{'op':'add','path':'groups','value':[{'value':'g'}]}]|MUTABILITY|Operation 0",
            "[{'op':'remove','path':'userName'}]|MUTABILITY|Operation 0",
            "[{'op':'add','path':'noSuchAttribute','value':'x'}]|INVALID_PATH|Operation 0",
            "[{'op':'add','path':'name.noSuchSub','value':'x'}]|INVALID_PATH|Operation 0",
            "[{'op':'add','path':'emails[type eq'}]|INVALID_PATH|Operation 0",
            "[{'op':'add','path':'nickName'}]|INVALID_VALUE|Operation 0",
            "[{'op':'replace','path':'active','value':'maybe'}]|INVALID_VALUE|Operation 0",
            "[{'op':'add','path':'emails','value':[{'value':'a@b.c','color':'red'}]}]|INVALID_VALUE|Operation 0",
            "[{'op':'add','path':'name','value':'just a string'}]|INVALID_VALUE|Operation 0",
    })
    void rejected(String operations, ScimErrorType type, String detailStart) {
        ObjectNode u = user("{'nickName':'n0'}");
        String before = u.toString();
        assertThatThrownBy(() -> patchUser(LENIENT, u, operations))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).contains(type);
                    assertThat(e.detail()).startsWith(detailStart);
                });
        assertThat(u.toString()).isEqualTo(before);
    }

    @Test
    void immutableValuesMaySetOnceButNotChange() {
        // members.value is immutable in the RFC 7643 Group schema
        ObjectNode g = group("{'members':[{'value':'m1'}]}");
        assertThatThrownBy(() -> patchGroup(LENIENT, g, "[{'op':'replace','path':'members[value eq \\'m1\\'].value','value':'m2'}]"))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).contains(ScimErrorType.MUTABILITY));
        PatchResult set = patchGroup(LENIENT, g, "[{'op':'add','path':'members[value eq \\'m1\\'].type','value':'User'}]");
        assertThat(set.resource().get("members")).isEqualTo(json("[{'value':'m1','type':'User'}]"));
        assertThatThrownBy(() -> patchGroup(LENIENT, set.resource(), "[{'op':'replace','path':'members[value eq \\'m1\\'].type','value':'Group'}]"))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).contains(ScimErrorType.MUTABILITY));
    }

    @Test
    void failingRequestIsAtomic() {
        ObjectNode u = user("{'nickName':'n0','emails':[{'value':'a@b.c','type':'work'}]}");
        String before = u.toString();
        assertThatThrownBy(() -> patchUser(STRICT, u, "[{'op':'replace','path':'nickName','value':'n1'},"
                + "{'op':'remove','path':'emails'},{'op':'replace','path':'phoneNumbers[type eq \\'work\\'].value','value':'1'}]"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).contains(ScimErrorType.NO_TARGET);
                    assertThat(e.detail()).startsWith("Operation 2");
                });
        assertThat(u.toString()).isEqualTo(before);
    }

    @Test
    void addOfExistingValueChangesNothing() {
        ObjectNode u = user("{'emails':[{'value':'a@b.c','type':'work'}],'nickName':'n'}");
        PatchResult r = patchUser(STRICT, u, "[{'op':'add','path':'emails','value':[{'value':'A@B.C','type':'work'}]},"
                + "{'op':'add','path':'nickName','value':'n'}]");
        assertThat(r.changed()).isFalse();
        assertThat(r.resource()).isEqualTo(u);
    }

    @Test
    void twoNewPrimariesAreRejected() {
        assertThatThrownBy(() -> patchUser(STRICT, user("{}"), "[{'op':'add','path':'emails','value':["
                + "{'value':'a@b.c','primary':true},{'value':'d@e.f','primary':true}]}]"))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).contains(ScimErrorType.INVALID_VALUE));
    }

    @Test
    void namesAreNormalisedToSchemaSpelling() {
        PatchResult r = patchUser(LENIENT, user("{}"), "[{'op':'ADD','path':'NAME.GIVENNAME','value':'B'},"
                + "{'op':'add','path':'EMAILS','value':[{'VALUE':'a@b.c','Type':'work'}]}]");
        assertThat(r.resource().get("name")).isEqualTo(json("{'givenName':'B'}"));
        assertThat(r.resource().get("emails")).isEqualTo(json("[{'value':'a@b.c','type':'work'}]"));
    }

    @Test
    void tooManyOperationsAfterExpansion() {
        PatchEngine tiny = PatchEngine.builder().maxOperations(2).build();
        assertThatThrownBy(() -> tiny.plan(USER, ops("[{'op':'replace','value':{'nickName':'a','title':'b','locale':'c'}}]")))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).contains(ScimErrorType.TOO_MANY));
    }

    @Test
    void membershipDeltaIsAbsentWhenTheCurrentListIsNeeded() {
        assertThat(LENIENT.plan(GROUP, ops("[{'op':'remove','path':'members[display eq \\'x\\']'}]")).membershipDelta()).isEmpty();
        assertThat(LENIENT.plan(GROUP, ops("[{'op':'add','path':'members[value eq \\'x\\'].type','value':'User'}]")).membershipDelta()).isEmpty();
        assertThat(LENIENT.plan(GROUP, ops("[{'op':'replace','path':'displayName','value':'x'}]")).membershipDelta())
                .hasValueSatisfying(d -> assertThat(d.isEmpty()).isTrue());
        PatchPlan needsList = LENIENT.plan(GROUP, ops("[{'op':'remove','path':'members[display eq \\'x\\']'}]"));
        assertThatThrownBy(() -> needsList.applyWithoutMembers(group("{}"))).isInstanceOf(IllegalStateException.class);
    }
}
