package dev.scimkit.core.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.Mutability;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaDefinition;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.core.schema.SchemaUrns;
import dev.scimkit.core.testing.SampleResources;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceValidatorTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    private final ResourceValidator lenient = new ResourceValidator(REGISTRY.user());
    private final ResourceValidator strict = new ResourceValidator(REGISTRY.user(), ValidationOptions.strict());
    private final ResourceValidator groups = new ResourceValidator(REGISTRY.group());

    static ObjectNode json(String text) {
        return ScimJson.parseObject(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    static void assertScimError(ThrowingCallable call, ScimErrorType type, String... detailParts) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(type.defaultStatus());
            assertThat(e.scimType()).contains(type);
            for (String part : detailParts) {
                assertThat(e.detail()).contains(part);
            }
        });
    }

    @Nested
    class Names {
        @Test
        void attributeNamesInAnyCaseAreWrittenInSchemaSpelling() {
            ObjectNode out = lenient.validateForCreate(json("{'SCHEMAS':['" + SchemaUrns.USER + "'],'USERNAME':'bjensen',"
                    + "'Name':{'GIVENNAME':'Barbara'},'Emails':[{'Value':'b@example.com','Primary':true,'TYPE':'work'}]}"));
            assertThat(out).isEqualTo(json("{'schemas':['" + SchemaUrns.USER + "'],'userName':'bjensen',"
                    + "'name':{'givenName':'Barbara'},'emails':[{'value':'b@example.com','type':'work','primary':true}]}"));
        }

        @Test
        void extensionKeyAndSchemaUrnInAnyCaseUseTheRegisteredSpelling() {
            ObjectNode out = strict.validateForCreate(json("{'schemas':['" + SchemaUrns.USER.toUpperCase() + "','"
                    + SchemaUrns.ENTERPRISE_USER.toLowerCase() + "'],'userName':'a','"
                    + SchemaUrns.ENTERPRISE_USER.toUpperCase() + "':{'Department':'Ops','MANAGER':{'VALUE':'m1'}}}"));
            assertThat(out.get("schemas")).containsExactly(ScimJson.nodes().textNode(SchemaUrns.USER),
                    ScimJson.nodes().textNode(SchemaUrns.ENTERPRISE_USER));
            assertThat(out.get(SchemaUrns.ENTERPRISE_USER)).isEqualTo(json("{'department':'Ops','manager':{'value':'m1'}}"));
        }

        @Test
        void theSameAttributeTwiceInDifferentCaseIsInvalidSyntax() {
            assertScimError(() -> lenient.validateForCreate(json("{'userName':'a','USERNAME':'b'}")),
                    ScimErrorType.INVALID_SYNTAX, "userName is given twice");
        }

        @Test
        void theSameAttributeTwiceInAComplexValueOrAnExtensionIsInvalidSyntaxNamingIt() {
            assertScimError(() -> lenient.validateForCreate(json("{'userName':'a','emails':[{'value':'x','VALUE':'y'}]}")),
                    ScimErrorType.INVALID_SYNTAX, "emails[0].value is given twice (as 'value' and 'VALUE')");
            // addresses.primary is an RFC 7643 §2.4 default the User schema does not list
            assertScimError(() -> lenient.validateForCreate(json("{'userName':'a','addresses':[{'country':'CA'},"
                    + "{'primary':true,'Primary':false}]}")),
                    ScimErrorType.INVALID_SYNTAX, "addresses[1].primary is given twice (as 'primary' and 'Primary')");
            assertScimError(() -> lenient.validateForCreate(json("{'userName':'a','" + SchemaUrns.ENTERPRISE_USER
                    + "':{'department':'a','DEPARTMENT':'b'}}")),
                    ScimErrorType.INVALID_SYNTAX, SchemaUrns.ENTERPRISE_USER + ":department is given twice");
        }

        @Test
        void membersComeOutInSchemaOrderAndUnlistedDefaultsLastInTheOrderSent() {
            ObjectNode out = lenient.validateForCreate(json("{'emails':[{'primary':true,'TYPE':'work','value':'a@x.org'}],"
                    + "'addresses':[{'display':'HQ','primary':true,'country':'CA','type':'work','streetAddress':'1 Main'}],"
                    + "'displayName':'A','userName':'a','externalId':'e1','schemas':['" + SchemaUrns.USER + "']}"));
            // RFC 7643 §8.7.1: userName, ..., displayName, ..., emails, ..., addresses; common attributes first
            assertThat(out.fieldNames()).toIterable()
                    .containsExactly("schemas", "externalId", "userName", "displayName", "emails", "addresses");
            assertThat(out.at("/emails/0").fieldNames()).toIterable().containsExactly("value", "type", "primary");
            // addresses lists type but neither display nor primary: those follow, as the client ordered them
            assertThat(out.at("/addresses/0").fieldNames()).toIterable()
                    .containsExactly("streetAddress", "country", "type", "display", "primary");
        }
    }

    @Nested
    class Types {
        @Test
        void wrongTypesNameTheAttributePath() {
            assertScimError(() -> lenient.validateForCreate(json("{'userName':'a','emails':[{'value':'x'},"
                    + "{'value':'y','primary':'yes'}]}")), ScimErrorType.INVALID_VALUE,
                    "emails[1].primary must be a boolean, not a string");
            assertScimError(() -> lenient.validateForCreate(json("{'userName':7}")), ScimErrorType.INVALID_VALUE,
                    "userName must be a string", "not a number");
            assertScimError(() -> lenient.validateForCreate(json("{'userName':'a','name':'Barbara'}")),
                    ScimErrorType.INVALID_VALUE, "name must be an object");
            assertScimError(() -> lenient.validateForCreate(json("{'userName':'a','x509Certificates':[{'value':'%%%'}]}")),
                    ScimErrorType.INVALID_VALUE, "x509Certificates[0].value must be base64");
        }

        @Test
        void singleAndMultiValuedShapesAreEnforced() {
            assertScimError(() -> lenient.validateForCreate(json("{'userName':'a','emails':{'value':'x'}}")),
                    ScimErrorType.INVALID_VALUE, "emails is multi-valued and must be an array, not an object");
            assertScimError(() -> lenient.validateForCreate(json("{'userName':['a','b']}")),
                    ScimErrorType.INVALID_VALUE, "userName is single-valued");
        }

        @Test
        void binaryAcceptsBase64() {
            ObjectNode out = strict.validateForCreate(json("{'schemas':['" + SchemaUrns.USER
                    + "'],'userName':'a','x509Certificates':[{'value':'TUlJRERDQ0Ft'}]}"));
            assertThat(out.at("/x509Certificates/0/value").asText()).isEqualTo("TUlJRERDQ0Ft");
        }

        private final ResourceTypeDefinition typed = typedResource();

        private static ResourceTypeDefinition typedResource() {
            SchemaDefinition schema = new SchemaDefinition("urn:example:Typed", "Typed", "", List.of(
                    AttributeDefinition.builder("when", AttributeType.DATE_TIME).build(),
                    AttributeDefinition.builder("count", AttributeType.INTEGER).build(),
                    AttributeDefinition.builder("ratio", AttributeType.DECIMAL).build(),
                    AttributeDefinition.builder("link", AttributeType.REFERENCE).referenceTypes(List.of("uri")).build(),
                    AttributeDefinition.builder("kind", AttributeType.STRING)
                            .canonicalValues(List.of("alpha", "beta")).canonicalValuesClosed(true).build(),
                    AttributeDefinition.builder("label", AttributeType.STRING).caseExact(true)
                            .canonicalValues(List.of("Red", "Green")).build(),
                    AttributeDefinition.builder("serial", AttributeType.STRING).mutability(Mutability.IMMUTABLE).build(),
                    AttributeDefinition.builder("secret", AttributeType.STRING).mutability(Mutability.WRITE_ONLY)
                            .returned(dev.scimkit.core.schema.Returned.NEVER).build()));
            return new ResourceTypeDefinition("Typed", "/Typed", "", schema, List.of());
        }

        private ObjectNode typedBody(String members) {
            return json("{'schemas':['urn:example:Typed']" + (members.isEmpty() ? "" : "," + members) + "}");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2011-05-13T04:42:34Z", "2011-05-13T04:42:34.123Z", "2019-09-18T18:15:26.5788954+00:00",
                "2015-10-10T14:38:21.8617979-07:00", "2011-05-13t04:42:34z", "2011-05-13T04:42:34"})
        void dateTimesInXsdForm(String value) {
            ResourceValidator v = new ResourceValidator(typed, ValidationOptions.strict());
            assertThat(v.validateForCreate(typedBody("'when':'" + value + "'")).get("when").asText()).isEqualTo(value);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2011-05-13", "yesterday", "2011-13-13T04:42:34Z", "2011-02-30T04:42:34Z",
                "2011-05-13T25:00:00Z", "2011-05-13 04:42:34Z", "2011-05-13T04:42:34+25:00"})
        void notDateTimes(String value) {
            ResourceValidator v = new ResourceValidator(typed);
            assertScimError(() -> v.validateForCreate(typedBody("'when':'" + value + "'")),
                    ScimErrorType.INVALID_VALUE, "when must be a dateTime");
        }

        @Test
        void integersAndDecimals() {
            ResourceValidator v = new ResourceValidator(typed);
            ObjectNode out = v.validateForCreate(typedBody("'count':3.0,'ratio':0.25"));
            assertThat(out.get("count").isIntegralNumber()).isTrue();
            assertThat(out.get("count").intValue()).isEqualTo(3);
            assertThat(out.get("ratio").decimalValue()).isEqualByComparingTo("0.25");
            assertScimError(() -> v.validateForCreate(typedBody("'count':3.5")), ScimErrorType.INVALID_VALUE,
                    "count must be an integer");
            assertScimError(() -> v.validateForCreate(typedBody("'count':'3'")), ScimErrorType.INVALID_VALUE,
                    "count must be an integer, not a string");
            assertScimError(() -> v.validateForCreate(typedBody("'ratio':true")), ScimErrorType.INVALID_VALUE,
                    "ratio must be a decimal number");
            assertScimError(() -> v.validateForCreate(typedBody("'count':1e999999999")),
                    ScimErrorType.INVALID_VALUE, "count must be an integer");
        }

        @Test
        void referencesMustBeUrisInStrictMode() {
            assertScimError(() -> new ResourceValidator(typed, ValidationOptions.strict())
                    .validateForCreate(typedBody("'link':'not a uri'")), ScimErrorType.INVALID_VALUE, "link must be a URI");
            assertThat(new ResourceValidator(typed).validateForCreate(typedBody("'link':'https://x/Users/1'"))
                    .get("link").asText()).isEqualTo("https://x/Users/1");
        }

        @Test
        void canonicalValuesAreEnforcedOnlyWhenClosed() {
            ResourceValidator v = new ResourceValidator(typed);
            assertThat(v.validateForCreate(typedBody("'kind':'ALPHA'")).get("kind").asText())
                    .as("caseExact false: any case, stored as sent").isEqualTo("ALPHA");
            assertScimError(() -> v.validateForCreate(typedBody("'kind':'gamma'")), ScimErrorType.INVALID_VALUE,
                    "kind must be one of [alpha, beta], not 'gamma'");
            assertThat(v.validateForCreate(typedBody("'label':'Blue'")).get("label").asText())
                    .as("open list").isEqualTo("Blue");
            ResourceValidator closedByOption = new ResourceValidator(typed,
                    ValidationOptions.lenient().withClosedCanonicalValues(Set.of("LABEL")));
            assertScimError(() -> closedByOption.validateForCreate(typedBody("'label':'red'")),
                    ScimErrorType.INVALID_VALUE, "label must be one of [Red, Green]");
        }

        @Test
        void rfcCanonicalValuesOfEmailTypesStayOpen() {
            ObjectNode out = strict.validateForCreate(json("{'schemas':['" + SchemaUrns.USER
                    + "'],'userName':'a','emails':[{'value':'a@b.c','type':'mail'}]}"));
            assertThat(out.at("/emails/0/type").asText()).isEqualTo("mail");
            ResourceValidator closed = new ResourceValidator(REGISTRY.user(),
                    ValidationOptions.lenient().withClosedCanonicalValues(Set.of("emails.type")));
            assertScimError(() -> closed.validateForCreate(json("{'userName':'a','emails':[{'value':'a@b.c','type':'mail'}]}")),
                    ScimErrorType.INVALID_VALUE, "emails[0].type must be one of [work, home, other]");
        }

        @Test
        void immutableValuesAreSetOnceAndWriteOnlyValuesAreNeverReturned() {
            ResourceValidator v = new ResourceValidator(typed);
            ObjectNode created = v.validateForCreate(typedBody("'serial':'S-1','secret':'hunter2'"));
            created.put("id", "1");
            assertThat(v.validateForReplace(typedBody("'serial':'s-1'"), created).get("serial").asText())
                    .as("caseExact false: the same value").isEqualTo("s-1");
            assertThat(v.validateForReplace(typedBody(""), created).get("serial").asText())
                    .as("omitted: kept").isEqualTo("S-1");
            assertScimError(() -> v.validateForReplace(typedBody("'serial':'S-2'"), created),
                    ScimErrorType.MUTABILITY, "serial is immutable");
            ObjectNode withoutSerial = created.deepCopy();
            withoutSerial.remove("serial");
            assertThat(v.validateForReplace(typedBody("'serial':'S-9'"), withoutSerial).get("serial").asText())
                    .as("unset before: may be set").isEqualTo("S-9");
            assertThat(NeverReturned.strip(typed, created).has("secret")).isFalse();
            assertThat(created.has("secret")).as("strip works on a copy").isTrue();
        }
    }

    @Nested
    class Required {
        @Test
        void missingRequiredAttributeIsInvalidValue() {
            assertScimError(() -> lenient.validateForCreate(json("{'displayName':'x'}")), ScimErrorType.INVALID_VALUE,
                    "userName is required");
            assertScimError(() -> lenient.validateForCreate(json("{'userName':null}")), ScimErrorType.INVALID_VALUE,
                    "userName is required");
            assertScimError(() -> groups.validateForCreate(json("{'members':[]}")), ScimErrorType.INVALID_VALUE,
                    "displayName is required");
        }

        @Test
        void aRequiredExtensionMustBePresent() {
            SchemaRegistry withRequired = SchemaRegistry.builder()
                    .addResourceType(new ResourceTypeDefinition("User", "/Users", "", REGISTRY.user().schema(),
                            List.of(new dev.scimkit.core.schema.SchemaExtension(
                                    REGISTRY.schema(SchemaUrns.ENTERPRISE_USER).orElseThrow(), true))))
                    .build();
            assertScimError(() -> new ResourceValidator(withRequired.user()).validateForCreate(json("{'userName':'a'}")),
                    ScimErrorType.INVALID_VALUE, "extension " + SchemaUrns.ENTERPRISE_USER + " is required");
        }
    }

    @Nested
    class Mutability_ {
        @Test
        void readOnlyInputIsDroppedOnCreate() {
            ObjectNode out = strict.validateForCreate(json("{'schemas':['" + SchemaUrns.USER + "'],'id':'client-id',"
                    + "'userName':'a','meta':{'resourceType':'User','created':'not even a date'},"
                    + "'groups':[{'value':'g1'}]}"));
            assertThat(out.has("id")).isFalse();
            assertThat(out.has("meta")).isFalse();
            assertThat(out.has("groups")).isFalse();
        }

        @Test
        void replaceKeepsStoredReadOnlyValuesAndClearsOmittedOnes() {
            ObjectNode existing = lenient.validateForCreate(SampleResources.entraUser());
            existing.put("id", "u1");
            existing.set("meta", json("{'resourceType':'User','version':'W/\\'1\\''}".replace("\\'", "\\\"")));
            existing.set("groups", json("{'g':[{'value':'g1','display':'Guards'}]}").get("g"));
            ((ObjectNode) existing.get(SchemaUrns.ENTERPRISE_USER).get("manager")).put("displayName", "Boss");

            ObjectNode out = lenient.validateForReplace(json("{'id':'other','userName':'new','"
                    + SchemaUrns.ENTERPRISE_USER + "':{'manager':{'value':'m2'}}}"), existing);
            assertThat(out.get("id").asText()).isEqualTo("u1");
            assertThat(out.get("meta")).isEqualTo(existing.get("meta"));
            assertThat(out.get("groups")).isEqualTo(existing.get("groups"));
            assertThat(out.get("userName").asText()).isEqualTo("new");
            assertThat(out.has("emails")).as("PUT replaces: omitted attributes are cleared").isFalse();
            assertThat(out.at("/" + SchemaUrns.ENTERPRISE_USER.replace("/", "~1") + "/manager"))
                    .isEqualTo(json("{'value':'m2','displayName':'Boss'}"));
            assertThat(out.get("schemas")).hasSize(2);
        }

        @Test
        void groupMembersCanChangeEvenThoughTheirSubAttributesAreImmutable() {
            ObjectNode existing = groups.validateForCreate(SampleResources.group());
            ObjectNode out = groups.validateForReplace(json("{'displayName':'G','members':[{'value':'other'}]}"), existing);
            assertThat(out.at("/members/0/value").asText()).isEqualTo("other");
        }
    }

    @Nested
    class Primary {
        @Test
        void atMostOnePrimaryPerAttribute() {
            assertScimError(() -> lenient.validateForCreate(json("{'userName':'a','emails':[{'value':'1','primary':true},"
                    + "{'value':'2'},{'value':'3','primary':'True'}]}")), ScimErrorType.INVALID_VALUE,
                    "emails[0] and emails[2]", "primary");
            assertScimError(() -> lenient.validateForCreate(json("{'userName':'a','addresses':[{'primary':true,"
                    + "'country':'CA'},{'primary':true,'country':'US'}]}")), ScimErrorType.INVALID_VALUE, "addresses");
        }

        @Test
        void onePrimaryAndPrimaryFalseArePermitted() {
            ObjectNode out = strict.validateForCreate(json("{'schemas':['" + SchemaUrns.USER + "'],'userName':'a',"
                    + "'emails':[{'value':'1','primary':true},{'value':'2','primary':false}]}"));
            assertThat(out.get("emails")).hasSize(2);
        }
    }

    @Nested
    class Leniency {
        private final String entraLikeBody = "{'userName':'a','active':'True','emails':[{'value':'x','Primary':'false'}],"
                + "'" + SchemaUrns.ENTERPRISE_USER + "':{'manager':'m-id'}}";

        @Test
        void lenientModeNormalisesClientDialects() {
            ObjectNode out = lenient.validateForCreate(json(entraLikeBody));
            assertThat(out).isEqualTo(json("{'schemas':['" + SchemaUrns.USER + "','" + SchemaUrns.ENTERPRISE_USER + "'],"
                    + "'userName':'a','emails':[{'value':'x','primary':false}],'active':true,'"
                    + SchemaUrns.ENTERPRISE_USER + "':{'manager':{'value':'m-id'}}}"));
        }

        @Test
        void strictModeRejectsEachDialect() {
            String schemas = "'schemas':['" + SchemaUrns.USER + "'],";
            assertScimError(() -> strict.validateForCreate(json("{'userName':'a'}")), ScimErrorType.INVALID_VALUE,
                    "\"schemas\" is required");
            assertScimError(() -> strict.validateForCreate(json("{'schemas':[],'userName':'a'}")),
                    ScimErrorType.INVALID_VALUE, "must list the core schema");
            assertScimError(() -> strict.validateForCreate(json("{" + schemas + "'userName':'a','active':'True'}")),
                    ScimErrorType.INVALID_VALUE, "active must be a boolean, not a string");
            assertScimError(() -> strict.validateForCreate(json("{" + schemas + "'userName':'a','"
                    + SchemaUrns.ENTERPRISE_USER + "':{'manager':'m'}}")), ScimErrorType.INVALID_VALUE,
                    SchemaUrns.ENTERPRISE_USER + ":manager must be an object");
            assertScimError(() -> strict.validateForCreate(json("{" + schemas + "'userName':'a','"
                    + SchemaUrns.ENTERPRISE_USER + "':{'department':'d'}}")), ScimErrorType.INVALID_VALUE,
                    "does not list " + SchemaUrns.ENTERPRISE_USER);
        }

        @Test
        void explicitNullEmptyArrayAndEmptyObjectMeanUnassigned() {
            ObjectNode out = strict.validateForCreate(json("{'schemas':['" + SchemaUrns.USER + "'],'userName':'a',"
                    + "'displayName':null,'roles':[],'name':{'givenName':null},'addresses':[{'country':null},null]}"));
            assertThat(out).isEqualTo(json("{'schemas':['" + SchemaUrns.USER + "'],'userName':'a'}"));
        }

        @Test
        void unknownAttributesAreIgnoredLeniently_andRejectedStrictly() {
            String body = "{'schemas':['" + SchemaUrns.USER + "','urn:example:unknown'],'userName':'a','adreses':[{'country':'DE'}],"
                    + "'emails':[{'value':'x','label':'l'}]}";
            assertThat(lenient.validateForCreate(json(body))).isEqualTo(json("{'schemas':['" + SchemaUrns.USER + "'],"
                    + "'userName':'a','emails':[{'value':'x'}]}"));
            assertScimError(() -> strict.validateForCreate(json(body)), ScimErrorType.INVALID_VALUE,
                    "Unknown attribute 'adreses'");
            assertScimError(() -> strict.validateForCreate(json("{'schemas':['" + SchemaUrns.USER + "'],'userName':'a',"
                    + "'urn:example:unknown':{'x':1}}")), ScimErrorType.INVALID_VALUE,
                    "The schema extension urn:example:unknown is not declared for resource type User");
            assertScimError(() -> strict.validateForCreate(json("{'schemas':['" + SchemaUrns.USER + "','urn:example:unknown'],"
                    + "'userName':'a'}")), ScimErrorType.INVALID_VALUE, "schemas[1] 'urn:example:unknown'");
            ResourceValidator lenientButRejecting = new ResourceValidator(REGISTRY.user(),
                    ValidationOptions.lenient().withUnknownAttributes(UnknownAttributePolicy.REJECT));
            assertScimError(() -> lenientButRejecting.validateForCreate(json("{'userName':'a','emails':[{'value':'x','label':'l'}]}")),
                    ScimErrorType.INVALID_VALUE, "emails[0].label");
        }

        @Test
        void rfcDefaultSubAttributesAreAcceptedInStrictMode() {
            ObjectNode out = new ResourceValidator(REGISTRY.group(), ValidationOptions.strict())
                    .validateForCreate(SampleResources.group());
            assertThat(out.at("/members/0/value").asText()).isEqualTo("2819c223-7f76-453a-919d-413861904646");
            assertThat(out.at("/members/0/type").asText()).isEqualTo("User");
            // members.display is readOnly (the server names members itself): accepted, and ignored
            assertThat(out.at("/members/0").has("display")).isFalse();
        }

        @Test
        void theBodyIsNotModified() {
            ObjectNode body = json(entraLikeBody);
            ObjectNode before = body.deepCopy();
            lenient.validateForCreate(body);
            assertThat(body).isEqualTo(before);
        }

        @Test
        void nonObjectBodiesAreInvalidSyntax() {
            assertScimError(() -> lenient.validateForCreate(ScimJson.nodes().arrayNode()), ScimErrorType.INVALID_SYNTAX,
                    "must be a JSON object, not an array");
            assertScimError(() -> lenient.validateForCreate(null), ScimErrorType.INVALID_SYNTAX, "not nothing");
        }
    }

    @Nested
    class Check {
        @Test
        void aValidatedResourceWithServerAttributesPasses() {
            ObjectNode stored = lenient.validateForCreate(SampleResources.entraUser());
            stored.put("id", "u1");
            stored.set("meta", Meta.of("User", java.time.OffsetDateTime.parse("2024-01-02T03:04:05Z"), null,
                    "https://h/Users/u1", "W/\"1\"").toJson());
            lenient.checkSatisfiesSchema(stored);
            strict.checkSatisfiesSchema(stored);
        }

        @Test
        void checkAppliesNoClientDialect() {
            ObjectNode stored = lenient.validateForCreate(SampleResources.entraUser());
            stored.put("active", "True");
            assertScimError(() -> lenient.checkSatisfiesSchema(stored), ScimErrorType.INVALID_VALUE, "active must be a boolean");
        }

        @Test
        void checkFindsSchemaViolationsOfPatchResults() {
            ObjectNode missing = lenient.validateForCreate(SampleResources.entraUser());
            missing.remove("userName");
            assertScimError(() -> lenient.checkSatisfiesSchema(missing), ScimErrorType.INVALID_VALUE, "userName is required");

            ObjectNode twoPrimaries = lenient.validateForCreate(SampleResources.entraUser());
            ((ObjectNode) twoPrimaries.at("/emails/1")).put("primary", true);
            assertScimError(() -> lenient.checkSatisfiesSchema(twoPrimaries), ScimErrorType.INVALID_VALUE, "primary");

            ObjectNode unlisted = lenient.validateForCreate(SampleResources.entraUser());
            ((com.fasterxml.jackson.databind.node.ArrayNode) unlisted.get("schemas")).remove(1);
            assertScimError(() -> lenient.checkSatisfiesSchema(unlisted), ScimErrorType.INVALID_VALUE,
                    "does not list " + SchemaUrns.ENTERPRISE_USER);

            ObjectNode badMeta = lenient.validateForCreate(SampleResources.entraUser());
            badMeta.set("meta", json("{'created':'soon'}"));
            assertScimError(() -> lenient.checkSatisfiesSchema(badMeta), ScimErrorType.INVALID_VALUE, "meta.created");
        }
    }

    @Test
    void entraSampleNormalisesToItself() {
        JsonNode out = strict.validateForCreate(SampleResources.entraUser());
        assertThat(out).isEqualTo(SampleResources.entraUser());
    }
}
