package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaDefinition;
import dev.scimkit.core.schema.SchemaExtension;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.scimkit.patch.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PATCH values of the RFC 7643 §2.3 types the standard User and Group schemas barely use: integer
 * (§2.3.4, "a whole number with no fractional digits") and dateTime (§2.3.5, an xsd:dateTime, so a
 * date alone is not one), on the core schema and in a declared extension, over a made-up
 * {@code Gadget} type. A value of the wrong type is a 400 invalidValue (RFC 7644 §3.5.2) naming the
 * attribute, never a 500.
 *
 * <p>The second half holds {@link PatchPlan#applyInPlace} to its promise on the same type: the
 * operations write only private copies, so a node the caller held before the patch (a core complex
 * value, an extension object, a multi-valued member of it) is never modified, and a patch that fails
 * half-way leaves the caller's tree exactly as it was (RFC 7644 §3.5.2: the operations are atomic).
 */
class IntegerAndDateTimeValuesTest {

    static final String CORE = "urn:example:params:scim:schemas:core:2.0:Gadget";
    static final String STOCK = "urn:example:params:scim:schemas:extension:stock:2.0:Gadget";

    static final ResourceTypeDefinition GADGET = new ResourceTypeDefinition("Gadget", "/Gadgets", null,
            new SchemaDefinition(CORE, "Gadget", null, List.of(
                    AttributeDefinition.builder("count", AttributeType.INTEGER).build(),
                    AttributeDefinition.builder("madeAt", AttributeType.DATE_TIME).build(),
                    AttributeDefinition.builder("note", AttributeType.STRING).build(),
                    AttributeDefinition.builder("part", AttributeType.COMPLEX)
                            .subAttributes(List.of(
                                    AttributeDefinition.builder("name", AttributeType.STRING).build(),
                                    AttributeDefinition.builder("sizes", AttributeType.INTEGER).multiValued(true).build()))
                            .build())),
            List.of(new SchemaExtension(new SchemaDefinition(STOCK, "Stock", null, List.of(
                    AttributeDefinition.builder("quantity", AttributeType.INTEGER).build(),
                    AttributeDefinition.builder("checkedAt", AttributeType.DATE_TIME).build(),
                    AttributeDefinition.builder("bins", AttributeType.INTEGER).multiValued(true).build(),
                    AttributeDefinition.builder("readings", AttributeType.COMPLEX).multiValued(true)
                            .subAttributes(List.of(AttributeDefinition.builder("value", AttributeType.INTEGER).build(),
                                    AttributeDefinition.builder("ok", AttributeType.BOOLEAN).build())).build(),
                    AttributeDefinition.builder("place", AttributeType.STRING).build())), false)));

    private static ObjectNode gadget(String attributes) {
        ObjectNode g = obj("{'schemas':['" + CORE + "'],'id':'g1'}");
        g.setAll(obj(attributes));
        return g;
    }

    /** A Gadget holding a value in every kind of member the in-place tests write into. */
    private static ObjectNode stocked() {
        return obj("{'schemas':['" + CORE + "','" + STOCK + "'],'id':'g1','count':1,'note':'n',"
                + "'part':{'name':'P','sizes':[1]},'" + STOCK + "':{'quantity':1,'bins':[1],'place':'A'}}");
    }

    private static PatchResult patch(ObjectNode gadget, String operations) {
        return STRICT.plan(GADGET, ops(operations)).apply(gadget);
    }

    private static void assertInvalidValue(ObjectNode gadget, String operations, String named) {
        String before = gadget.toString();
        assertThatThrownBy(() -> patch(gadget, operations))
                .as(operations)
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).as(e.detail()).contains(ScimErrorType.INVALID_VALUE);
                    assertThat(e.detail()).contains(named);
                });
        assertThat(gadget.toString()).isEqualTo(before);
    }

    @Test
    void anIntegerAttributeTakesAWholeNumber() {
        PatchResult r = patch(gadget("{}"), "[{'op':'replace','path':'count','value':7}]");
        assertThat(r.resource().get("count").isIntegralNumber()).isTrue();
        assertThat(r.resource().get("count").intValue()).isEqualTo(7);
        assertThat(r.touchedAttributes()).containsExactly("count");

        PatchResult negative = patch(gadget("{'count':1}"), "[{'op':'add','path':'count','value':-3}]");
        assertThat(negative.resource().get("count").intValue()).isEqualTo(-3);
    }

    /**
     * A JSON number written with a zero fraction ({@code 2.0}, {@code 0.0}) is still the whole number
     * it denotes (JSON, RFC 8259 §6, does not distinguish the spellings), so it is stored as that
     * integer; a number with a fraction is not an integer at all.
     */
    @Test
    void aWholeNumberWrittenWithAZeroFractionIsThatIntegerAndAFractionIsRefused() {
        PatchResult two = patch(gadget("{}"), "[{'op':'replace','path':'count','value':2.0}]");
        assertThat(two.resource().get("count").isIntegralNumber()).isTrue();
        assertThat(two.resource().get("count").intValue()).isEqualTo(2);

        PatchResult zero = patch(gadget("{}"), "[{'op':'replace','path':'count','value':0.0}]");
        assertThat(zero.resource().get("count").isIntegralNumber()).isTrue();
        assertThat(zero.resource().get("count").intValue()).isZero();

        PatchResult hundred = patch(gadget("{}"), "[{'op':'replace','path':'count','value':1E2}]");
        assertThat(hundred.resource().get("count").isIntegralNumber()).isTrue();
        assertThat(hundred.resource().get("count").intValue()).isEqualTo(100);

        ObjectNode g = gadget("{'count':1}");
        assertInvalidValue(g, "[{'op':'replace','path':'count','value':3.5}]", "count");
        assertInvalidValue(g, "[{'op':'replace','path':'count','value':-0.25}]", "count");
        assertInvalidValue(g, "[{'op':'replace','path':'count','value':'7'}]", "count");
        assertInvalidValue(g, "[{'op':'replace','path':'count','value':true}]", "count");
        assertInvalidValue(g, "[{'op':'replace','path':'count','value':{'value':7}}]", "count");
    }

    @Test
    void anExtensionsIntegerAndDateTimeAreCheckedLikeTheCoreOnes() {
        PatchResult r = patch(gadget("{}"), "[{'op':'add','path':'" + STOCK + ":quantity','value':12},"
                + "{'op':'add','path':'" + STOCK + ":checkedAt','value':'2026-12-02T13:00:00Z'},"
                + "{'op':'add','path':'" + STOCK + ":bins','value':[4,5.0]}]");
        JsonNode stock = r.resource().get(STOCK);
        assertThat(stock.get("quantity").intValue()).isEqualTo(12);
        assertThat(stock.get("checkedAt").asText()).isEqualTo("2026-12-02T13:00:00Z");
        assertThat(stock.get("bins")).hasSize(2);
        assertThat(stock.get("bins").get(0).intValue()).isEqualTo(4);
        assertThat(stock.get("bins").get(1).isIntegralNumber()).isTrue();
        assertThat(stock.get("bins").get(1).intValue()).isEqualTo(5);
        assertThat(r.resource().get("schemas")).isEqualTo(json("['" + CORE + "','" + STOCK + "']"));

        ObjectNode g = gadget("{}");
        assertInvalidValue(g, "[{'op':'add','path':'" + STOCK + ":quantity','value':1.5}]", "quantity");
        assertInvalidValue(g, "[{'op':'add','path':'" + STOCK + ":bins','value':[1,2.5]}]", "bins");
        assertInvalidValue(g, "[{'op':'add','path':'" + STOCK + ":checkedAt','value':'tomorrow'}]", "tomorrow");
        assertInvalidValue(g, "[{'op':'add','value':{'" + STOCK + "':{'quantity':'many'}}}]", "quantity");
    }

    @Test
    void aDateTimeAttributeTakesAnXsdDateTimeString() {
        for (String when : List.of("2026-12-02T13:00:00Z", "2026-12-02T13:00:00.123+01:00", "2026-12-02T13:00:00-05:30")) {
            PatchResult r = patch(gadget("{}"), "[{'op':'replace','path':'madeAt','value':'" + when + "'}]");
            assertThat(r.resource().get("madeAt").asText()).as(when).isEqualTo(when);
        }
        ObjectNode g = gadget("{'madeAt':'2026-01-01T00:00:00Z'}");
        assertInvalidValue(g, "[{'op':'replace','path':'madeAt','value':'soon'}]", "soon");
        assertInvalidValue(g, "[{'op':'replace','path':'madeAt','value':'2026-12-02'}]", "2026-12-02");
        assertInvalidValue(g, "[{'op':'replace','path':'madeAt','value':'2026-13-02T13:00:00Z'}]", "madeAt");
        assertInvalidValue(g, "[{'op':'replace','path':'madeAt','value':1764680400}]", "madeAt");
        assertInvalidValue(g, "[{'op':'replace','path':'madeAt','value':true}]", "madeAt");
    }

    /**
     * RFC 7643 §2.5: null and an empty array both mean "unassigned", inside a complex value too; and
     * RFC 7644 §3.5.2.3: a replace of a complex attribute sets the sub-attributes given.
     */
    @Test
    void aMultiValuedSubAttributeGivenNullOrNothingIsLeftUnassigned() {
        ObjectNode g = gadget("{'part':{'name':'P'}}");
        assertThat(patch(g, "[{'op':'replace','path':'part','value':{'name':'Q','sizes':null}}]").resource().get("part"))
                .isEqualTo(json("{'name':'Q'}"));
        assertThat(patch(g, "[{'op':'replace','path':'part','value':{'name':'Q','sizes':[]}}]").resource().get("part"))
                .isEqualTo(json("{'name':'Q'}"));
        JsonNode sizes = patch(g, "[{'op':'replace','path':'part','value':{'name':'Q','sizes':[2,3.0]}}]")
                .resource().get("part").get("sizes");
        assertThat(sizes).hasSize(2);
        assertThat(sizes.get(0).intValue()).isEqualTo(2);
        assertThat(sizes.get(1).isIntegralNumber()).isTrue();
        assertThat(sizes.get(1).intValue()).isEqualTo(3);
        assertInvalidValue(g, "[{'op':'replace','path':'part','value':{'name':'Q','sizes':[1.25]}}]", "sizes");
        assertInvalidValue(g, "[{'op':'replace','path':'part','value':{'name':'Q','sizes':7}}]", "sizes");
    }

    /**
     * A successful in-place patch: the caller's old nodes keep what they held (the new values are in
     * new nodes), members the operations did not target are the very same nodes, and the result has
     * every change.
     */
    @Test
    void anInPlacePatchNeverWritesANodeTheCallerHeld() {
        ObjectNode g = stocked();
        JsonNode part = g.get("part");
        JsonNode stock = g.get(STOCK);
        JsonNode bins = stock.get("bins");
        String partBefore = part.toString();
        String stockBefore = stock.toString();

        PatchResult r = STRICT.plan(GADGET, ops("[{'op':'replace','path':'part.name','value':'Q'},"
                + "{'op':'replace','path':'part.sizes','value':[1,2]},"
                + "{'op':'add','path':'" + STOCK + ":bins','value':[2]},"
                + "{'op':'replace','path':'" + STOCK + ":quantity','value':5}]")).applyInPlace(g);

        assertThat(r.resource().get("part")).isEqualTo(json("{'name':'Q','sizes':[1,2]}"));
        assertThat(r.resource().get(STOCK)).isEqualTo(json("{'quantity':5,'bins':[1,2],'place':'A'}"));
        assertThat(r.touchedAttributes()).containsExactlyInAnyOrder("part.name", "part.sizes", STOCK + ":bins", STOCK + ":quantity");
        assertThat(part.toString()).isEqualTo(partBefore);
        assertThat(stock.toString()).isEqualTo(stockBefore);
        assertThat(bins).isEqualTo(json("[1]"));
        assertThat(r.resource().get(STOCK).get("place")).isSameAs(stock.get("place"));
    }

    /** A patch failing at its last operation leaves the caller's tree as it was, node for node. */
    @Test
    void anInPlacePatchThatFailsHalfWayLeavesTheCallersTreeAsItWas() {
        ObjectNode g = stocked();
        String before = g.toString();
        JsonNode part = g.get("part");
        JsonNode stock = g.get(STOCK);
        JsonNode bins = stock.get("bins");

        assertThatThrownBy(() -> STRICT.plan(GADGET, ops("[{'op':'replace','path':'count','value':2},"
                + "{'op':'add','path':'part.sizes','value':[2]},"
                + "{'op':'add','path':'" + STOCK + ":bins','value':[2]},"
                + "{'op':'replace','path':'" + STOCK + ":quantity','value':5},"
                + "{'op':'add','path':'" + STOCK + ":checkedAt','value':'2026-12-02T13:00:00Z'},"
                + "{'op':'replace','path':'madeAt','value':'not a time'}]")).applyInPlace(g))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.scimType()).contains(ScimErrorType.INVALID_VALUE));

        assertThat(g.toString()).isEqualTo(before);
        assertThat(g.get("part")).isSameAs(part);
        assertThat(g.get(STOCK)).isSameAs(stock);
        assertThat(g.get(STOCK).get("bins")).isSameAs(bins);
        assertThat(bins).isEqualTo(json("[1]"));
    }

    /**
     * A change confined to core attributes is checked by its values alone (the engine wrote them, under
     * the schema name only): the verdict must still be the full check's. {@code [UTC]} after the offset
     * passes the planner's ISO reading but is no xsd:dateTime, so only the check after the operations
     * catches it, with the full check's status, scimType and detail, also when the stored resource spelled
     * the attribute in another case; in place, the caller's tree is left as it was.
     */
    @Test
    void aCoreValueOnlyTheSchemaCheckRefusesIsRefusedAsTheFullCheckRefusesIt() {
        String value = "2011-05-13T04:42:34Z[UTC]";
        for (String spelling : List.of("madeAt", "MADEAT")) {
            ObjectNode stored = gadget("{'" + spelling + "':'2011-05-13T04:42:34Z','note':'n'}");
            ObjectNode reference = stored.deepCopy();
            reference.remove(spelling);
            reference.put("madeAt", value);
            ScimException full = org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> new dev.scimkit.core.resource.ResourceValidator(GADGET).checkSatisfiesSchema(reference),
                    ScimException.class);
            assertThat(full).as("the full check refuses the reference").isNotNull();
            for (PatchEngine engine : List.of(LENIENT, STRICT)) {
                PatchPlan plan = engine.plan(GADGET, ops("[{'op':'replace','path':'madeAt','value':'" + value + "'}]"));
                ObjectNode owned = stored.deepCopy();
                for (Runnable call : List.<Runnable>of(() -> plan.apply(stored), () -> plan.applyInPlace(owned))) {
                    ScimException e = org.assertj.core.api.Assertions.catchThrowableOfType(call::run, ScimException.class);
                    assertThat(e).as("%s via %s", spelling, engine.mode()).isNotNull();
                    assertThat(e.status()).isEqualTo(full.status());
                    assertThat(e.scimType()).isEqualTo(full.scimType());
                    assertThat(e.detail()).endsWith(full.detail());
                }
                assertThat(owned).isEqualTo(stored);
            }
        }
    }
}
