package dev.scimkit.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import org.junit.jupiter.api.Test;

import static dev.scimkit.patch.Fixtures.*;
import static dev.scimkit.patch.IntegerAndDateTimeValuesTest.CORE;
import static dev.scimkit.patch.IntegerAndDateTimeValuesTest.GADGET;
import static dev.scimkit.patch.IntegerAndDateTimeValuesTest.STOCK;
import static dev.scimkit.patch.MutabilityRulesTest.WIDGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lists of simple values (strings, integers) where the standard schemas have none: a multi-valued
 * sub-attribute of a single-valued complex attribute ({@code part.sizes}), and Entra ID's remove by
 * value on a simple multi-valued attribute. RFC 7644 §3.5.2.1: an add to a multi-valued target adds
 * its values, whatever depth the target is at; only a replace sets the whole list. A value filter
 * selects elements of complex attributes only, so a remove naming simple values removes the equal ones.
 */
class SimpleMultiValuedChangesTest {

    private static ObjectNode gadget(String attributes) {
        ObjectNode g = obj("{'schemas':['" + CORE + "','" + STOCK + "'],'id':'g1'}");
        g.setAll(obj(attributes));
        return g;
    }

    private static ObjectNode widget(String attributes) {
        ObjectNode w = obj("{'schemas':['urn:example:params:scim:schemas:core:2.0:Widget'],'id':'w1'}");
        w.setAll(obj(attributes));
        return w;
    }

    @Test
    void anAddToAMultiValuedSubAttributeAppendsTheValuesNotAlreadyThere() {
        ObjectNode g = gadget("{'part':{'name':'P','sizes':[1,2]}}");
        PatchResult r = STRICT.plan(GADGET, ops("[{'op':'add','path':'part.sizes','value':[2,3,3.0]}]")).apply(g);
        assertThat(r.resource().get("part")).isEqualTo(json("{'name':'P','sizes':[1,2,3]}"));
        assertThat(r.changed()).isTrue();
        assertThat(g.get("part")).isEqualTo(json("{'name':'P','sizes':[1,2]}"));

        PatchResult replaced = STRICT.plan(GADGET, ops("[{'op':'replace','path':'part.sizes','value':[3]}]")).apply(g);
        assertThat(replaced.resource().get("part")).isEqualTo(json("{'name':'P','sizes':[3]}"));
    }

    @Test
    void anAddToAMultiValuedSubAttributeOfAnAbsentAttributeCreatesIt() {
        PatchResult noPart = STRICT.plan(GADGET, ops("[{'op':'add','path':'part.sizes','value':[4]}]")).apply(gadget("{}"));
        assertThat(noPart.resource().get("part")).isEqualTo(json("{'sizes':[4]}"));

        PatchResult noSizes = STRICT.plan(GADGET, ops("[{'op':'add','path':'part.sizes','value':[4]}]"))
                .apply(gadget("{'part':{'name':'P'}}"));
        assertThat(noSizes.resource().get("part")).isEqualTo(json("{'name':'P','sizes':[4]}"));
    }

    @Test
    void anAddOfValuesAlreadyThereChangesNothing() {
        ObjectNode g = gadget("{'part':{'name':'P','sizes':[1,2]}}");
        PatchResult r = STRICT.plan(GADGET, ops("[{'op':'add','path':'part.sizes','value':[2,1]}]")).apply(g);
        assertThat(r.resource().get("part")).isEqualTo(json("{'name':'P','sizes':[1,2]}"));
        assertThat(r.changed()).isFalse();
    }

    @Test
    void anAddInPlaceAppendsWithoutWritingTheCallersList() {
        ObjectNode g = gadget("{'part':{'name':'P','sizes':[1]}}");
        var sizes = g.get("part").get("sizes");
        PatchResult r = STRICT.plan(GADGET, ops("[{'op':'add','path':'part.sizes','value':[2]}]")).applyInPlace(g);
        assertThat(r.resource().get("part").get("sizes")).isEqualTo(json("[1,2]"));
        assertThat(sizes).isEqualTo(json("[1]"));
    }

    @Test
    void aRemoveByValueOnASimpleListRemovesTheEqualValues() {
        ObjectNode g = gadget("{'" + STOCK + "':{'bins':[1,2,3],'place':'A'}}");
        PatchResult r = LENIENT.plan(GADGET, ops("[{'op':'remove','path':'" + STOCK + ":bins','value':[2,3.0]}]")).apply(g);
        assertThat(r.resource().get(STOCK)).isEqualTo(json("{'bins':[1],'place':'A'}"));
        assertThat(r.touchedAttributes()).containsExactly(STOCK + ":bins");

        PatchResult all = LENIENT.plan(GADGET, ops("[{'op':'remove','path':'" + STOCK + ":bins','value':[1,2,3]}]")).apply(g);
        assertThat(all.resource().get(STOCK)).isEqualTo(json("{'place':'A'}"));

        PatchResult none = LENIENT.plan(GADGET, ops("[{'op':'remove','path':'" + STOCK + ":bins','value':[9]}]")).apply(g);
        assertThat(none.changed()).isFalse();
        assertThat(none.resource().get(STOCK)).isEqualTo(g.get(STOCK));
    }

    /** Strings compare as the attribute says (RFC 7643 §2.2 caseExact), as a filter's {@code eq} would. */
    @Test
    void aRemoveByValueOfStringsFollowsCaseExact() {
        ObjectNode w = widget("{'labels':['Red','blue'],'keys':['K','k']}");
        PatchResult labels = LENIENT.plan(WIDGET, ops("[{'op':'remove','path':'labels','value':['RED']}]")).apply(w);
        assertThat(labels.resource().get("labels")).isEqualTo(json("['blue']"));
        PatchResult keys = LENIENT.plan(WIDGET, ops("[{'op':'remove','path':'keys','value':['K']}]")).apply(w);
        assertThat(keys.resource().get("keys")).isEqualTo(json("['k']"));
    }

    @Test
    void aRemoveByValueOfTheWrongTypeOrOfAnImmutableListIsRefused() {
        ObjectNode g = gadget("{'" + STOCK + "':{'bins':[1,2,3]}}");
        String before = g.toString();
        assertThatThrownBy(() -> LENIENT.plan(GADGET, ops("[{'op':'remove','path':'" + STOCK + ":bins','value':['two']}]")).apply(g))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).contains(ScimErrorType.INVALID_VALUE);
                    assertThat(e.detail()).contains("bins");
                });
        assertThat(g.toString()).isEqualTo(before);

        ObjectNode w = widget("{'codes':['a','b']}");
        assertThatThrownBy(() -> LENIENT.plan(WIDGET, ops("[{'op':'remove','path':'codes','value':['a']}]")).apply(w))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).contains(ScimErrorType.MUTABILITY);
                    assertThat(e.detail()).contains("codes");
                });
    }

    /** Strict mode keeps RFC 7644 §3.5.2.2: a remove takes no value. */
    @Test
    void strictModeStillRefusesARemoveWithAValue() {
        assertThatThrownBy(() -> STRICT.plan(GADGET, ops("[{'op':'remove','path':'" + STOCK + ":bins','value':[2]}]")))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
