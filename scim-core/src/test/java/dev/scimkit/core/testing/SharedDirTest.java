package dev.scimkit.core.testing;

import dev.scimkit.core.resource.ResourceValidator;
import dev.scimkit.core.schema.SchemaRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

class SharedDirTest {

    @Test
    void findsTheConformanceData() {
        assertThat(Files.isRegularFile(SharedDir.conformanceFile("scimmy/filter.json"))).isTrue();
        assertThat(SharedDir.get().resolve("conformance/README.md")).exists();
    }

    @Test
    void samplesAreValidAndFresh() {
        ResourceValidator users = new ResourceValidator(SchemaRegistry.standard().user(),
                dev.scimkit.core.resource.ValidationOptions.strict());
        assertThat(users.validateForCreate(SampleResources.entraUser())).isEqualTo(SampleResources.entraUser());
        SampleResources.entraUser().remove("userName");
        assertThat(SampleResources.entraUser().has("userName")).isTrue();
        new ResourceValidator(SchemaRegistry.standard().group(), dev.scimkit.core.resource.ValidationOptions.strict())
                .validateForCreate(SampleResources.group());
        assertThat(users.validateForCreate(SampleResources.minimalUser("bjensen")).get("userName").asText())
                .isEqualTo("bjensen");
    }
}
