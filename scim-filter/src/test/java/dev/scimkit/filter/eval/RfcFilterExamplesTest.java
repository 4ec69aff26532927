package dev.scimkit.filter.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import dev.scimkit.filter.ast.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every filter example of RFC 7644 §3.4.2.2 (Figure 2 and the case-insensitivity example) parses,
 * prints back to an equal filter and selects, from a small set of users, the users the RFC's
 * description of the example implies.
 */
class RfcFilterExamplesTest {

    private static final FilterEvaluator EVALUATOR = new FilterEvaluator(SchemaRegistry.standard().user());

    private static final List<JsonNode> USERS = List.of(
            user("""
                    {"id":"bjensen","userName":"bjensen","title":"Tour Guide","userType":"Employee",
                     "name":{"familyName":"Jensen","givenName":"Barbara"},
                     "emails":[{"value":"bjensen@example.com","type":"work"},{"value":"babs@jensen.org","type":"home"}],
                     "meta":{"lastModified":"2011-05-13T04:42:34Z"}}"""),
            user("""
                    {"id":"omalley","userName":"Jim","userType":"Employee",
                     "schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                     "name":{"familyName":"O'Malley"},
                     "emails":[{"value":"jim@example.org","type":"home"}],
                     "ims":[{"value":"jim@foo.com","type":"xmpp"}],
                     "meta":{"lastModified":"2011-05-13T06:42:34+02:00"}}"""),
            user("""
                    {"id":"john","userName":"JOHN","title":"","userType":"Intern",
                     "emails":[{"value":"john@example.com","type":"home"},{"value":"j@work.net","type":"work"}],
                     "meta":{"lastModified":"2012-01-01T00:00:00.5Z"}}"""),
            user("""
                    {"id":"kim","userName":"kim","title":"Boss","userType":"Contractor",
                     "emails":[{"value":"kim@work.example.com","type":"work"}],
                     "meta":{"lastModified":"2010-12-31T23:59:59Z"}}"""));

    private static JsonNode user(String json) {
        return ScimJson.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "userName Eq \"john\"|john",
            "Username eq \"john\"|john",
            "userName eq \"bjensen\"|bjensen",
            "name.familyName co \"O'Malley\"|omalley",
            "userName sw \"J\"|omalley,john",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"|omalley,john",
            "title pr|bjensen,kim",
            "meta.lastModified gt \"2011-05-13T04:42:34Z\"|john",
            "meta.lastModified ge \"2011-05-13T04:42:34Z\"|bjensen,omalley,john",
            "meta.lastModified lt \"2011-05-13T04:42:34Z\"|kim",
            "meta.lastModified le \"2011-05-13T04:42:34Z\"|bjensen,omalley,kim",
            "title pr and userType eq \"Employee\"|bjensen",
            "title pr or userType eq \"Intern\"|bjensen,john,kim",
            "schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"|omalley",
            "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")|bjensen,omalley",
            "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")|''",
            "userType eq \"Employee\" and (emails.type eq \"work\")|bjensen",
            "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]|bjensen",
            "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]|bjensen,omalley"})
    void rfcExample(String text, String expectedIds) {
        Filter filter = Filters.parse(text);
        assertThat(Filters.parse(Filters.print(filter))).isEqualTo(filter);
        Set<String> expected = expectedIds.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(expectedIds.split(",")));
        Set<String> actual = USERS.stream().filter(u -> EVALUATOR.matches(filter, u))
                .map(u -> u.get("id").textValue()).collect(Collectors.toSet());
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void valuePathRequiresOneElementToSatisfyEverything() {
        // john has a work email and an example.com email, but not one email that is both
        Filter sameElement = Filters.parse("emails[type eq \"work\" and value co \"@example.com\"]");
        Filter anyElements = Filters.parse("emails.type eq \"work\" and emails.value co \"@example.com\"");
        JsonNode john = USERS.get(2);
        assertThat(EVALUATOR.matches(sameElement, john)).isFalse();
        assertThat(EVALUATOR.matches(anyElements, john)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // Entra ID's matching query: kim's work address, not john's home one
            "emails[type eq \"work\"].value eq \"kim@work.example.com\"|kim",
            "emails[type eq \"work\"].value eq \"KIM@work.example.com\"|kim",
            // john has this address, but as his home address
            "emails[type eq \"work\"].value eq \"john@example.com\"|''",
            "emails[type eq \"home\"].value eq \"john@example.com\"|john",
            // bjensen has a work e-mail and an example.org one, but no work e-mail at example.org
            "emails[type eq \"work\"].value ew \"example.org\"|''",
            "emails[type eq \"home\"].value ew \"example.org\"|omalley",
            "emails[type eq \"work\"].value pr|bjensen,john,kim",
            "ims[type eq \"xmpp\"].value pr|omalley",
            "not emails[type eq \"work\"].value pr|omalley",
            "userType eq \"Employee\" and emails[value co \"example\"].type eq \"work\"|bjensen"})
    void aSubAttributeTestAfterAValuePathReadsTheSameValue(String text, String expectedIds) {
        rfcExample(text, expectedIds);
    }

    @Test
    void forbiddenComparisonsAreInvalidFilterWhateverTheData() {
        for (String text : List.of("active gt true", "active gt 1", "x509Certificates.value lt \"abc\"",
                "active co \"t\"", "userName co 5", "userName sw null", "meta.lastModified gt \"yesterday\"",
                "name eq \"Barbara\"", "userName[value eq \"x\"]", "emails.primary ge false")) {
            Filter filter = Filters.parse(text);
            assertThatThrownBy(() -> EVALUATOR.matches(filter, ScimJson.object()))
                    .as(text)
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.scimType()).contains(ScimErrorType.INVALID_FILTER);
                    });
        }
    }

    @Test
    void unknownAttributesAreUnassignedNotAnError() {
        JsonNode bjensen = USERS.get(0);
        assertThat(EVALUATOR.matches(Filters.parse("favoriteColor eq \"blue\""), bjensen)).isFalse();
        assertThat(EVALUATOR.matches(Filters.parse("favoriteColor pr"), bjensen)).isFalse();
        assertThat(EVALUATOR.matches(Filters.parse("favoriteColor ne \"blue\""), bjensen)).isTrue();
        assertThat(EVALUATOR.matches(Filters.parse("name.nickname eq \"b\""), bjensen)).isFalse();
    }

    @Test
    void caseExactAttributesCompareExactly() {
        JsonNode u = user("{\"id\":\"x\",\"externalId\":\"AbC\",\"userName\":\"AbC\"}");
        assertThat(EVALUATOR.matches(Filters.parse("externalId eq \"abc\""), u)).isFalse();
        assertThat(EVALUATOR.matches(Filters.parse("externalId eq \"AbC\""), u)).isTrue();
        assertThat(EVALUATOR.matches(Filters.parse("userName eq \"abc\""), u)).isTrue();
        assertThat(EVALUATOR.matches(Filters.parse("USERNAME sw \"aB\""), u)).isTrue();
        assertThat(EVALUATOR.matches(Filters.parse("id eq \"X\""), u)).isFalse();
    }

    @Test
    void extensionAttributesLiveUnderTheirUrn() {
        JsonNode u = user("""
                {"userName":"a","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                  {"employeeNumber":"701984","manager":{"value":"26118915"}}}""");
        String urn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
        assertThat(EVALUATOR.matches(Filters.parse(urn + ":employeeNumber eq \"701984\""), u)).isTrue();
        assertThat(EVALUATOR.matches(Filters.parse(urn.toUpperCase() + ":EMPLOYEENUMBER eq \"701984\""), u)).isTrue();
        assertThat(EVALUATOR.matches(Filters.parse(urn + ":manager.value eq \"26118915\""), u)).isTrue();
        // without its URN an extension attribute is not a core attribute
        assertThat(EVALUATOR.matches(Filters.parse("employeeNumber eq \"701984\""), u)).isFalse();
    }

    @Test
    void presenceIgnoresNullEmptyStringsAndEmptyArrays() {
        JsonNode u = user("{\"title\":\"\",\"nickName\":null,\"emails\":[],\"phoneNumbers\":[{}],\"displayName\":\"d\"}");
        assertThat(EVALUATOR.matches(Filters.parse("title pr"), u)).isFalse();
        assertThat(EVALUATOR.matches(Filters.parse("nickName pr"), u)).isFalse();
        assertThat(EVALUATOR.matches(Filters.parse("emails pr"), u)).isFalse();
        assertThat(EVALUATOR.matches(Filters.parse("phoneNumbers pr"), u)).isFalse();
        assertThat(EVALUATOR.matches(Filters.parse("displayName pr"), u)).isTrue();
        assertThat(EVALUATOR.matches(Filters.parse("title eq null"), u)).isTrue();
        assertThat(EVALUATOR.matches(Filters.parse("displayName ne null"), u)).isTrue();
    }

    @Test
    void dateTimesCompareAsInstantsNotText() {
        JsonNode u = user("{\"meta\":{\"lastModified\":\"2011-05-13T06:42:34+02:00\"}}");
        assertThat(EVALUATOR.matches(Filters.parse("meta.lastModified eq \"2011-05-13T04:42:34.000Z\""), u)).isTrue();
        assertThat(EVALUATOR.matches(Filters.parse("meta.lastModified gt \"2011-05-13T05:00:00Z\""), u)).isFalse();
    }

    @Test
    void numbersAndBooleans() {
        JsonNode u = user("{\"active\":true,\"emails\":[{\"value\":\"a@b\",\"primary\":false}]}");
        assertThat(EVALUATOR.matches(Filters.parse("active eq true"), u)).isTrue();
        assertThat(EVALUATOR.matches(Filters.parse("active ne true"), u)).isFalse();
        assertThat(EVALUATOR.matches(Filters.parse("active eq \"true\""), u)).isFalse();
        assertThat(EVALUATOR.matches(Filters.parse("emails.primary eq false"), u)).isTrue();
        assertThat(EVALUATOR.matches(Filters.parse("emails[primary eq true]"), u)).isFalse();
    }
}
