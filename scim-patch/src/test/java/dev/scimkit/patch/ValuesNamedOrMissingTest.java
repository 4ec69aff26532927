package dev.scimkit.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.scimkit.patch.Fixtures.*;
import static dev.scimkit.patch.IntegerAndDateTimeValuesTest.CORE;
import static dev.scimkit.patch.IntegerAndDateTimeValuesTest.GADGET;
import static dev.scimkit.patch.IntegerAndDateTimeValuesTest.STOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Values an operation names beyond strings: Entra ID's remove-by-value (lenient mode) with numbers and
 * booleans, which select by value equality as a filter's {@code eq} would (RFC 7644 §3.4.2.2: numbers
 * by value, booleans exactly); and an add or replace that carries no {@code value} at all, which RFC
 * 7644 §3.5.2.1/§3.5.2.3 require ("MUST contain a value member"): a 400 invalidValue, not a 500.
 */
class ValuesNamedOrMissingTest {

    private static ObjectNode stocked() {
        return obj("{'schemas':['" + CORE + "','" + STOCK + "'],'id':'g1','" + STOCK + "':{'bins':[1,2,3]}}");
    }

    @Test
    void aRemoveByValueOfNumbersRemovesTheEqualNumbersOnly() {
        ObjectNode g = obj("{'schemas':['" + CORE + "','" + STOCK + "'],'id':'g1','" + STOCK + "':{'readings':"
                + "[{'value':1,'ok':true},{'value':2,'ok':true},{'value':3,'ok':false}]}}");
        PatchResult r = LENIENT.plan(GADGET, ops("[{'op':'remove','path':'" + STOCK + ":readings','value':[{'value':2}]}]"))
                .apply(g);
        assertThat(r.resource().get(STOCK).get("readings")).isEqualTo(json("[{'value':1,'ok':true},{'value':3,'ok':false}]"));

        PatchResult byValue = LENIENT.plan(GADGET, ops("[{'op':'remove','path':'" + STOCK + ":readings','value':"
                + "[{'value':3.0,'ok':false},{'value':1,'ok':false}]}]")).apply(g);
        assertThat(byValue.resource().get(STOCK).get("readings")).isEqualTo(json("[{'value':1,'ok':true},{'value':2,'ok':true}]"));
    }

    @Test
    void aRemoveByValueOfAComplexValueMatchesItsBooleanSubAttributeToo() {
        ObjectNode u = user("{'emails':[{'value':'a@example.com','primary':true},{'value':'a@example.com','type':'home'},"
                + "{'value':'b@example.com'}]}");
        PatchResult r = patchUser(LENIENT, u,
                "[{'op':'remove','path':'emails','value':[{'value':'a@example.com','primary':true}]}]");
        assertThat(r.resource().get("emails"))
                .isEqualTo(json("[{'value':'a@example.com','type':'home'},{'value':'b@example.com'}]"));
        PatchResult none = patchUser(LENIENT, u,
                "[{'op':'remove','path':'emails','value':[{'value':'b@example.com','primary':true}]}]");
        assertThat(none.resource().get("emails")).isEqualTo(u.get("emails"));
        assertThat(none.changed()).isFalse();
    }

    @Test
    void aValueToRemoveThatIsNeitherStringNumberNorBooleanIsRefused() {
        for (String value : List.of("[1]", "{'x':1}")) {
            assertThatThrownBy(() -> LENIENT.plan(GADGET, ops("[{'op':'remove','path':'" + STOCK + ":readings','value':[{'value':"
                    + value + "}]}]")).apply(stocked()))
                    .as(value)
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.scimType()).contains(ScimErrorType.INVALID_VALUE);
                    });
        }
        assertThatThrownBy(() -> patchUser(LENIENT, user("{'emails':[{'value':'a@example.com'}]}"),
                "[{'op':'remove','path':'emails','value':[{'nope':'a@example.com'}]}]"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).contains(ScimErrorType.INVALID_VALUE);
                    assertThat(e.detail()).contains("nope");
                });
    }

    @Test
    void anAddOrReplaceWithoutAValueIsAnInvalidValueInEveryMode() {
        for (PatchEngine engine : new PatchEngine[] {LENIENT, STRICT}) {
            for (String op : List.of("{'op':'add'}", "{'op':'replace'}",
                    "{'op':'add','path':'" + ENTERPRISE + "'}", "{'op':'replace','path':'" + ENTERPRISE + "'}")) {
                assertThatThrownBy(() -> engine.plan(USER, ops("[" + op + "]")))
                        .as(op)
                        .isInstanceOfSatisfying(ScimException.class, e -> {
                            assertThat(e.status()).isEqualTo(400);
                            assertThat(e.scimType()).contains(ScimErrorType.INVALID_VALUE);
                            assertThat(e.detail()).contains("value");
                        });
            }
        }
    }
}
