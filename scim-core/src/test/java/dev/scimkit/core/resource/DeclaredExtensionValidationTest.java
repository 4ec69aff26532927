package dev.scimkit.core.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.core.schema.SchemaUrns;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static dev.scimkit.core.resource.ResourceValidatorTest.assertScimError;
import static dev.scimkit.core.resource.ResourceValidatorTest.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Extensions declared as data are validated like the standard ones; undeclared ones are never dropped. */
class DeclaredExtensionValidationTest {

    private static final String CUSTOM = "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User";
    private static final String UNDECLARED = "urn:ietf:params:scim:schemas:extension:Undeclared:2.0:User";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard().toBuilder()
            .addSchemaDirectory(Path.of("../examples/schemas")).build();

    private final ResourceValidator lenient = new ResourceValidator(REGISTRY.user());
    private final ResourceValidator strict = new ResourceValidator(REGISTRY.user(), ValidationOptions.strict());
    private final ResourceValidator keeping = new ResourceValidator(REGISTRY.user(),
            ValidationOptions.lenient().withUndeclaredExtensions(UndeclaredExtensionPolicy.KEEP));

    @Test
    void aDeclaredExtensionIsKeptInSchemaSpellingWithItsUrnListed() {
        ObjectNode out = lenient.validateForCreate(json("{'userName':'a','" + CUSTOM.toUpperCase()
                + "':{'BadgeNumber':'42','siteCode':'MTL','clearanceLevel':3}}"));

        assertThat(out).isEqualTo(json("{'schemas':['" + SchemaUrns.USER + "','" + CUSTOM + "'],'userName':'a','"
                + CUSTOM + "':{'badgeNumber':'42','siteCode':'MTL','clearanceLevel':3}}"));
        assertThat(strict.validateForCreate(out)).as("a normalised tree passes strict validation").isEqualTo(out);
    }

    @Test
    void declaredAttributesAreTypeChecked() {
        assertScimError(() -> lenient.validateForCreate(json("{'userName':'a','" + CUSTOM + "':{'clearanceLevel':'high'}}")),
                ScimErrorType.INVALID_VALUE, CUSTOM + ":clearanceLevel must be an integer, not a string");
        assertScimError(() -> lenient.validateForCreate(json("{'userName':'a','" + CUSTOM + "':{'badgeNumber':['1']}}")),
                ScimErrorType.INVALID_VALUE, CUSTOM + ":badgeNumber is single-valued");
        assertScimError(() -> strict.validateForCreate(json("{'schemas':['" + SchemaUrns.USER + "','" + CUSTOM
                        + "'],'userName':'a','" + CUSTOM + "':{'badge':'1'}}")),
                ScimErrorType.INVALID_VALUE, "Unknown attribute '" + CUSTOM + ":badge'");
    }

    @Test
    void entraIdsDottedKeysLandInTheirExtension() {
        ObjectNode out = lenient.validateForCreate(json("{'userName':'a','" + CUSTOM + ":badgeNumber':'42','"
                + CUSTOM + "':{'siteCode':'TOR'}}"));

        assertThat(out.get(CUSTOM)).isEqualTo(json("{'badgeNumber':'42','siteCode':'TOR'}"));
        assertThat(out.get("schemas").toString()).contains(CUSTOM);
        assertScimError(() -> lenient.validateForCreate(json("{'userName':'a','" + CUSTOM + ":badgeNumber':'42','"
                + CUSTOM + "':{'badgeNumber':'43'}}")), ScimErrorType.INVALID_SYNTAX, "given twice");
    }

    @Test
    void anUndeclaredExtensionIsRefusedByDefaultNamingItsUrnAndTheFix() {
        for (ResourceValidator v : new ResourceValidator[] {lenient, strict}) {
            assertScimError(() -> v.validateForCreate(json("{'schemas':['" + SchemaUrns.USER + "','" + UNDECLARED
                            + "'],'userName':'a','" + UNDECLARED + "':{'costCenter':'7'}}")),
                    ScimErrorType.INVALID_VALUE, "The schema extension " + UNDECLARED + " is not declared",
                    "--schema-dir", "--undeclared-extensions keep");
        }
        assertScimError(() -> lenient.validateForCreate(json("{'userName':'a','" + UNDECLARED + ":costCenter':'7'}")),
                ScimErrorType.INVALID_VALUE, UNDECLARED + ":costCenter is not declared");
    }

    @Test
    void aKeyQualifiedByADeclaredSchemaButNamingNoAttributeIsAnUnknownAttribute() {
        String body = "{'userName':'a','" + SchemaUrns.USER + ":nickname2':'x','" + CUSTOM + ":badge':'1'}";

        assertThat(lenient.validateForCreate(json(body))).isEqualTo(json("{'schemas':['" + SchemaUrns.USER
                + "'],'userName':'a'}"));
        assertScimError(() -> strict.validateForCreate(json(body.replace("{", "{'schemas':['" + SchemaUrns.USER + "'],"))),
                ScimErrorType.INVALID_VALUE, "Unknown attribute '" + SchemaUrns.USER + ":nickname2'");
    }

    @Test
    void anUndeclaredUrnWithNothingInItLosesNothingAndPasses() {
        ObjectNode out = lenient.validateForCreate(json("{'schemas':['" + SchemaUrns.USER + "','" + UNDECLARED
                + "'],'userName':'a','" + UNDECLARED + "':{}}"));

        assertThat(out).isEqualTo(json("{'schemas':['" + SchemaUrns.USER + "'],'userName':'a'}"));
    }

    @Test
    void keepStoresAnUndeclaredExtensionVerbatimAndPassesTheCheckAfterwards() {
        ObjectNode out = keeping.validateForCreate(json("{'schemas':['" + SchemaUrns.USER + "','" + UNDECLARED
                + "'],'userName':'a','" + UNDECLARED + "':{'costCenter':'7','Nested':{'x':[1,2]}}}"));

        assertThat(out).isEqualTo(json("{'schemas':['" + SchemaUrns.USER + "','" + UNDECLARED + "'],'userName':'a','"
                + UNDECLARED + "':{'costCenter':'7','Nested':{'x':[1,2]}}}"));
        assertThat(keeping.validateForCreate(out)).as("validating again changes nothing").isEqualTo(out);
        keeping.checkSatisfiesSchema(out);
        lenient.checkSatisfiesSchema(out);
    }
}
