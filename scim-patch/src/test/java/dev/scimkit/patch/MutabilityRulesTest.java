package dev.scimkit.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.Mutability;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.scimkit.patch.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RFC 7643 §2.2 mutability and required-ness on every kind of target, over a resource type made for
 * it: the standard schemas have no immutable simple, multi-valued or single-valued complex attribute,
 * no required sub-attribute and no multi-valued sub-attribute, so without this type those rules of
 * the engine would be exercised by nothing. "immutable: the attribute MAY be defined at resource
 * creation ... or at record replacement via a 'replace' if not already defined; the attribute SHALL
 * NOT be updated."
 */
class MutabilityRulesTest {

    static final ResourceTypeDefinition WIDGET = new ResourceTypeDefinition("Widget", "/Widgets", null,
            new SchemaDefinition("urn:example:params:scim:schemas:core:2.0:Widget", "Widget", null, List.of(
                    AttributeDefinition.builder("code", AttributeType.STRING).mutability(Mutability.IMMUTABLE).build(),
                    AttributeDefinition.builder("codes", AttributeType.STRING).multiValued(true)
                            .mutability(Mutability.IMMUTABLE).build(),
                    AttributeDefinition.builder("spec", AttributeType.COMPLEX).mutability(Mutability.IMMUTABLE)
                            .subAttributes(List.of(string("a"), string("b"))).build(),
                    AttributeDefinition.builder("tags", AttributeType.COMPLEX).multiValued(true)
                            .subAttributes(List.of(string("value"),
                                    AttributeDefinition.builder("label", AttributeType.STRING).required(true).build(),
                                    AttributeDefinition.builder("serial", AttributeType.STRING)
                                            .mutability(Mutability.IMMUTABLE).build())).build(),
                    AttributeDefinition.builder("labels", AttributeType.STRING).multiValued(true).caseExact(false).build(),
                    AttributeDefinition.builder("keys", AttributeType.STRING).multiValued(true).caseExact(true).build(),
                    AttributeDefinition.builder("weights", AttributeType.DECIMAL).multiValued(true).build(),
                    AttributeDefinition.builder("part", AttributeType.COMPLEX)
                            .subAttributes(List.of(
                                    AttributeDefinition.builder("sizes", AttributeType.INTEGER).multiValued(true).build(),
                                    AttributeDefinition.builder("name", AttributeType.STRING).required(true).build()))
                            .build())),
            List.of());

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder(name, AttributeType.STRING).build();
    }

    private static ObjectNode widget(String attributes) {
        ObjectNode w = obj("{'schemas':['urn:example:params:scim:schemas:core:2.0:Widget'],'id':'w1'}");
        w.setAll(obj(attributes));
        return w;
    }

    private static PatchResult patch(PatchEngine engine, ObjectNode widget, String operations) {
        return engine.plan(WIDGET, ops(operations)).apply(widget);
    }

    @Test
    void anImmutableValueIsSetOnceThenNeitherChangedNorRemoved() {
        PatchResult set = patch(STRICT, widget("{}"), "[{'op':'add','path':'code','value':'A1'}]");
        assertThat(set.resource().path("code").asText()).isEqualTo("A1");
        ObjectNode w = set.resource();
        assertThat(patch(STRICT, w, "[{'op':'replace','path':'code','value':'A1'}]").changed()).isFalse();
        assertMutability(w, "[{'op':'replace','path':'code','value':'B2'}]", "code");
        assertMutability(w, "[{'op':'remove','path':'code'}]", "code");
    }

    @Test
    void anImmutableMultiValuedAttributeIsNotReplacedOnceSet() {
        PatchResult set = patch(STRICT, widget("{}"), "[{'op':'replace','path':'codes','value':['x']}]");
        assertThat(set.resource().get("codes")).isEqualTo(json("['x']"));
        assertThat(patch(STRICT, set.resource(), "[{'op':'replace','path':'codes','value':['x']}]").changed()).isFalse();
        assertMutability(set.resource(), "[{'op':'replace','path':'codes','value':['y']}]", "codes");
    }

    /** A single-valued complex immutable attribute: the merge of the value must leave it as it was. */
    @Test
    void anImmutableComplexAttributeMayOnlyBeMergedWithWhatItHolds() {
        PatchResult set = patch(STRICT, widget("{}"), "[{'op':'add','path':'spec','value':{'a':'1'}}]");
        assertThat(set.resource().get("spec")).isEqualTo(json("{'a':'1'}"));
        ObjectNode w = set.resource();
        assertThat(patch(STRICT, w, "[{'op':'replace','path':'spec','value':{'a':'1'}}]").resource().get("spec"))
                .isEqualTo(json("{'a':'1'}"));
        assertMutability(w, "[{'op':'replace','path':'spec','value':{'a':'2'}}]", "spec");
        assertMutability(w, "[{'op':'add','path':'spec','value':{'b':'3'}}]", "spec");
    }

    @Test
    void aRequiredSubAttributeIsNotRemoved() {
        ObjectNode w = widget("{'tags':[{'value':'t','label':'L'}],'part':{'name':'P','sizes':[1]}}");
        assertMutability(w, "[{'op':'remove','path':'tags[value eq \\'t\\'].label'}]", "label");
        assertMutability(w, "[{'op':'remove','path':'part.name'}]", "name");
        PatchResult sizes = patch(STRICT, w, "[{'op':'remove','path':'part.sizes'}]");
        assertThat(sizes.resource().get("part")).isEqualTo(json("{'name':'P'}"));
    }

    @Test
    void anImmutableSubAttributeIsNotRemovedOnceSetAndAnAbsentOneIsNoChange() {
        ObjectNode w = widget("{'tags':[{'value':'t','label':'L','serial':'S1'},{'value':'u','label':'M'}]}");
        assertMutability(w, "[{'op':'remove','path':'tags[value eq \\'t\\'].serial'}]", "serial");
        assertMutability(w, "[{'op':'replace','path':'tags[value eq \\'t\\']','value':{'value':'t','label':'L'}}]", "serial");
        PatchResult none = patch(STRICT, w, "[{'op':'remove','path':'tags[value eq \\'u\\'].serial'}]");
        assertThat(none.resource()).isEqualTo(w);
        assertThat(none.changed()).isFalse();
    }

    /**
     * A multi-valued sub-attribute ({@code part.sizes}) takes an array; Entra ID's single value for a
     * multi-valued attribute is wrapped in lenient mode only. A single-valued one ({@code part.name})
     * takes one value, not an array (what lenient mode should do with a one-element array on a
     * sub-attribute path no client documents, so it is not pinned here).
     */
    @Test
    void aSubAttributesValueIsShapedByWhetherTheSubAttributeIsMultiValued() {
        ObjectNode w = widget("{'part':{'name':'P'}}");
        assertThat(patch(STRICT, w, "[{'op':'replace','path':'part.sizes','value':[1,2]}]").resource().get("part"))
                .isEqualTo(json("{'name':'P','sizes':[1,2]}"));
        assertThat(patch(LENIENT, w, "[{'op':'replace','path':'part.sizes','value':3}]").resource().get("part"))
                .isEqualTo(json("{'name':'P','sizes':[3]}"));
        assertInvalidValue(STRICT, w, "[{'op':'replace','path':'part.sizes','value':3}]");
        assertInvalidValue(STRICT, w, "[{'op':'replace','path':'part.name','value':['Q']}]");
    }

    /** RFC 7644 §3.5.2: a replace may not make two values primary. */
    @Test
    void aReplaceWithTwoPrimaryValuesIsRefused() {
        ObjectNode u = user("{}");
        assertThatThrownBy(() -> patchUser(STRICT, u, "[{'op':'replace','path':'emails','value':"
                + "[{'value':'a@x.org','primary':true},{'value':'b@x.org','primary':true}]}]"))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).contains(ScimErrorType.INVALID_VALUE));
        PatchResult one = patchUser(STRICT, user("{'emails':[{'value':'c@x.org','primary':true}]}"),
                "[{'op':'replace','path':'emails','value':[{'value':'a@x.org','primary':true},{'value':'b@x.org'}]}]");
        assertThat(one.resource().get("emails")).isEqualTo(json("[{'value':'a@x.org','primary':true},{'value':'b@x.org'}]"));
    }

    /**
     * Okta repeats a readOnly attribute in a path-less replace: accepted when it equals the stored
     * value exactly (id is caseExact), refused as mutability otherwise; never in strict mode.
     */
    @Test
    void aReadOnlyEchoMustEqualTheStoredValue() {
        ObjectNode u = user("{}");
        assertThat(patchUser(LENIENT, u, "[{'op':'replace','value':{'id':'u1','nickName':'n'}}]").resource()
                .path("nickName").asText()).isEqualTo("n");
        for (String other : List.of("u2", "U1", "")) {
            assertThatThrownBy(() -> patchUser(LENIENT, u, "[{'op':'replace','value':{'id':'" + other + "','nickName':'n'}}]"))
                    .as(other)
                    .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).contains(ScimErrorType.MUTABILITY));
        }
        assertThatThrownBy(() -> patchUser(LENIENT, u, "[{'op':'replace','value':{'id':7,'nickName':'n'}}]"))
                .isInstanceOf(ScimException.class);
    }

    /**
     * RFC 7644 §3.5.2.1: an added value already present is not added again, "present" read with the
     * attribute's caseExact (RFC 7643 §2.2) and numbers by value, for simple multi-valued attributes.
     */
    @Test
    void anAddedSimpleValueAlreadyPresentIsNotAddedAgain() {
        ObjectNode w = widget("{'labels':['x'],'keys':['k'],'weights':[1.5]}");
        PatchResult r = patch(STRICT, w, "[{'op':'add','path':'labels','value':['X','y']},"
                + "{'op':'add','path':'keys','value':['K','k']},{'op':'add','path':'weights','value':[1.50,2]}]");
        assertThat(r.resource().get("labels")).isEqualTo(json("['x','y']"));
        assertThat(r.resource().get("keys")).isEqualTo(json("['k','K']"));
        assertThat(r.resource().get("weights")).hasSize(2);
        assertThat(r.resource().get("weights").get(0).decimalValue()).isEqualByComparingTo("1.5");
        assertThat(r.resource().get("weights").get(1).decimalValue()).isEqualByComparingTo("2");
    }

    @Test
    void limitsMustBePositiveAndTheEngineReportsItsSettings() {
        assertThat(new PatchLimits(1, 1).maxOperations()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new PatchLimits(0, 1));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new PatchLimits(1, 0));
        PatchEngine engine = PatchEngine.builder().mode(PatchMode.STRICT).limits(new PatchLimits(3, 4)).build();
        assertThat(engine.mode()).isEqualTo(PatchMode.STRICT);
        assertThat(engine.limits()).isEqualTo(new PatchLimits(3, 4));
        assertThat(PatchEngine.defaults().mode()).isEqualTo(PatchMode.LENIENT);
        assertThat(PatchEngine.defaults().limits()).isEqualTo(PatchLimits.DEFAULT);
    }

    private static void assertMutability(ObjectNode widget, String operations, String named) {
        String before = widget.toString();
        assertThatThrownBy(() -> patch(STRICT, widget, operations))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).as(e.detail()).contains(ScimErrorType.MUTABILITY);
                    assertThat(e.detail()).contains(named);
                });
        assertThat(widget.toString()).isEqualTo(before);
    }

    private static void assertInvalidValue(PatchEngine engine, ObjectNode widget, String operations) {
        assertThatThrownBy(() -> patch(engine, widget, operations))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).as(e.detail())
                        .contains(ScimErrorType.INVALID_VALUE));
    }
}
