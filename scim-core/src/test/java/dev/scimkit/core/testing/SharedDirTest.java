package dev.scimkit.core.testing;

import dev.scimkit.core.resource.ResourceValidator;
import dev.scimkit.core.schema.SchemaRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedDirTest {

    @TempDir
    Path work;

    @Test
    void theDefaultIsSharedConformanceBesideTheRepository() throws IOException {
        Path repo = Files.createDirectories(work.resolve("scimkit"));
        Path conformance = Files.createDirectories(work.resolve("shared/conformance"));

        assertThat(SharedDir.locate(null, null, repo.toString(), work)).contains(conformance);
        assertThat(SharedDir.locate("", " ", repo.toString(), work)).as("blank settings are unset").contains(conformance);
    }

    @Test
    void withoutARepositoryRootTheTopmostPomAboveTheWorkingDirectoryIsTheRoot() throws IOException {
        Path repo = Files.createDirectories(work.resolve("scimkit"));
        Path module = Files.createDirectories(repo.resolve("scim-core"));
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.writeString(module.resolve("pom.xml"), "<project/>");
        Path conformance = Files.createDirectories(work.resolve("shared/conformance"));

        assertThat(SharedDir.locate(null, null, null, module)).contains(conformance);
    }

    @Test
    void nothingBesideTheRepositoryIsNoData() throws IOException {
        Path repo = Files.createDirectories(work.resolve("lonely/scimkit"));

        assertThat(SharedDir.locate(null, null, repo.toString(), work)).isEmpty();
    }

    @Test
    void thePropertyWinsOverTheEnvironmentWhichWinsOverTheDefault() throws IOException {
        Path repo = Files.createDirectories(work.resolve("scimkit"));
        Files.createDirectories(work.resolve("shared/conformance"));
        Path fromProperty = Files.createDirectories(work.resolve("p"));
        Path fromEnv = Files.createDirectories(work.resolve("e"));

        assertThat(SharedDir.locate(fromProperty.toString(), fromEnv.toString(), repo.toString(), work)).contains(fromProperty);
        assertThat(SharedDir.locate(null, fromEnv.toString(), repo.toString(), work)).contains(fromEnv);
    }

    @Test
    void aConfiguredDirectoryThatDoesNotExistFailsInsteadOfSkipping() {
        Path missing = work.resolve("typo");

        assertThatThrownBy(() -> SharedDir.locate(missing.toString(), null, null, work))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining(SharedDir.PROPERTY);
    }

    @Test
    void absentDataSkipsWithWhatWasSkippedAndHowToEnableIt() {
        assertThatThrownBy(() -> SharedDir.conformanceFile(Optional.empty(), "scimmy/filter.json", "SCIMMY's filter vectors"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("SCIMMY's filter vectors")
                .hasMessageContaining("scimmy/filter.json")
                .hasMessageContaining("-D" + SharedDir.PROPERTY)
                .hasMessageContaining(SharedDir.ENV);
    }

    @Test
    void aFileMissingFromPresentDataIsAFailure() throws IOException {
        Path conformance = Files.createDirectories(work.resolve("conformance"));
        Files.writeString(conformance.resolve("here.json"), "{}");

        assertThat(SharedDir.conformanceFile(Optional.of(conformance), "here.json", "x")).isEqualTo(conformance.resolve("here.json"));
        assertThatThrownBy(() -> SharedDir.conformanceFile(Optional.of(conformance), "gone.json", "x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gone.json");
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
