package dev.scimkit.core.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.AttributeType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a PUT's value of an immutable attribute is the stored value in SCIM terms (RFC 7643 §2.2,
 * §2.4): strings by {@code caseExact}, numbers by value, dateTimes by instant, complex values member
 * by member, multi-valued attributes in any order. A PUT that sends the stored value back in another
 * spelling must not be refused as a change.
 */
class ValueEquivalenceTest {

    private static JsonNode json(String text) {
        return ScimJson.parse(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    private static boolean same(AttributeDefinition attribute, String a, String b) {
        boolean forward = ValueEquivalence.equivalent(attribute, json(a), json(b));
        assertThat(ValueEquivalence.equivalent(attribute, json(b), json(a))).as("symmetric").isEqualTo(forward);
        return forward;
    }

    private static AttributeDefinition simple(AttributeType type) {
        return AttributeDefinition.builder("a", type).build();
    }

    @Test
    void stringsHonourCaseExactAndReferencesToo() {
        assertThat(same(simple(AttributeType.STRING), "'Ada'", "'ADA'")).isTrue();
        assertThat(same(AttributeDefinition.builder("a", AttributeType.STRING).caseExact(true).build(), "'Ada'", "'ADA'"))
                .isFalse();
        assertThat(same(AttributeDefinition.builder("a", AttributeType.STRING).caseExact(true).build(), "'Ada'", "'Ada'"))
                .isTrue();
        assertThat(same(simple(AttributeType.REFERENCE), "'https://X/u'", "'https://x/u'")).isTrue();
        assertThat(same(simple(AttributeType.STRING), "'Ada'", "'Grace'")).isFalse();
        // other textual types compare exactly
        assertThat(same(simple(AttributeType.BINARY), "'QUJD'", "'qujd'")).isFalse();
        assertThat(same(simple(AttributeType.BINARY), "'QUJD'", "'QUJD'")).isTrue();
    }

    @Test
    void numbersCompareByValue() {
        assertThat(same(simple(AttributeType.DECIMAL), "1.50", "1.5")).isTrue();
        assertThat(same(simple(AttributeType.INTEGER), "7", "7.0")).isTrue();
        assertThat(same(simple(AttributeType.INTEGER), "7", "8")).isFalse();
        // a number and its text are not the same value
        assertThat(same(simple(AttributeType.INTEGER), "7", "'7'")).isFalse();
        assertThat(same(simple(AttributeType.BOOLEAN), "true", "true")).isTrue();
        assertThat(same(simple(AttributeType.BOOLEAN), "true", "false")).isFalse();
    }

    @Test
    void dateTimesCompareByInstant() {
        AttributeDefinition when = simple(AttributeType.DATE_TIME);
        assertThat(same(when, "'2011-05-13T04:42:34Z'", "'2011-05-13T06:42:34+02:00'")).isTrue();
        assertThat(same(when, "'2011-05-13T04:42:34Z'", "'2011-05-13T04:42:34.000Z'")).isTrue();
        assertThat(same(when, "'2011-05-13T04:42:34Z'", "'2011-05-13T04:42:35Z'")).isFalse();
        // what is no dateTime is compared as it is written
        assertThat(same(when, "'yesterday'", "'yesterday'")).isTrue();
        assertThat(same(when, "'yesterday'", "'2011-05-13T04:42:34Z'")).isFalse();
    }

    @Test
    void complexValuesCompareMemberByMember() {
        AttributeDefinition name = AttributeDefinition.builder("name", AttributeType.COMPLEX).subAttributes(List.of(
                simple(AttributeType.STRING).toBuilder().build(),
                AttributeDefinition.builder("badge", AttributeType.STRING).caseExact(true).build())).build();
        assertThat(same(name, "{'a':'Ada','badge':'B-1'}", "{'badge':'B-1','a':'ADA'}")).as("any order, caseExact per member")
                .isTrue();
        assertThat(same(name, "{'a':'Ada','badge':'B-1'}", "{'a':'Ada','badge':'b-1'}")).isFalse();
        assertThat(same(name, "{'a':'Ada'}", "{'a':'Ada','badge':'B-1'}")).as("a member more").isFalse();
        assertThat(same(name, "{'a':'Ada','x':'1'}", "{'a':'Ada','badge':'1'}")).as("another member").isFalse();
        // a member the schema does not declare compares exactly
        assertThat(same(name, "{'a':'Ada','note':'N'}", "{'a':'Ada','note':'N'}")).isTrue();
        assertThat(same(name, "{'a':'Ada','note':'N'}", "{'a':'Ada','note':'n'}")).isFalse();
    }

    @Test
    void multiValuedAttributesIgnoreOrderButNotCount() {
        AttributeDefinition tags = AttributeDefinition.builder("tags", AttributeType.STRING).multiValued(true).build();
        assertThat(same(tags, "['a','B']", "['b','A']")).isTrue();
        assertThat(same(tags, "['a','b']", "['a','c']")).isFalse();
        assertThat(same(tags, "['a','a']", "['a','b']")).as("each value matched once").isFalse();
        assertThat(same(tags, "['a']", "['a','a']")).isFalse();
        assertThat(same(tags, "[]", "[]")).isTrue();
        AttributeDefinition emails = AttributeDefinition.builder("emails", AttributeType.COMPLEX).multiValued(true)
                .subAttributes(List.of(AttributeDefinition.builder("value", AttributeType.STRING).build())).build();
        assertThat(same(emails, "[{'value':'a@x','type':'work'},{'value':'b@x'}]",
                "[{'value':'B@X'},{'type':'work','value':'A@x'}]")).as("default sub-attributes by their own rules").isTrue();
        assertThat(same(emails, "[{'value':'a@x','type':'work'}]", "[{'value':'a@x','type':'WORK'}]"))
                .as("the default type is not caseExact").isTrue();
        assertThat(same(emails, "[{'value':'a@x'}]", "[{'value':'c@x'}]")).isFalse();
        // an array where one value is expected is compared as it is
        assertThat(same(simple(AttributeType.STRING), "['a']", "['a']")).isTrue();
    }
}
