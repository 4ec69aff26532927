package dev.scimkit.server.spi;

import dev.scimkit.filter.ast.AttributePath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Projection#mayOmit}: a repository leaves out what it answers false for (a large group's
 * members), so a wrong "may omit" loses data from an answer, and a wrong "may not" costs a load.
 */
class ProjectionMayOmitTest {

    @Test
    void theDefaultRepresentationOmitsNothing() {
        assertThat(Projection.DEFAULT.mayOmit("members")).isFalse();
    }

    @Test
    void anExcludedAttributeMayBeOmittedInAnyCaseButNotWhenOnlyASubAttributeIsExcluded() {
        assertThat(Projection.excluding(List.of(AttributePath.of("members"))).mayOmit("Members")).isTrue();
        assertThat(Projection.excluding(List.of(AttributePath.of("displayName"), AttributePath.of("MEMBERS"))).mayOmit("members")).isTrue();
        assertThat(Projection.excluding(List.of(AttributePath.of("members", "display"))).mayOmit("members")).isFalse();
        assertThat(Projection.excluding(List.of(AttributePath.of("displayName"))).mayOmit("members")).isFalse();
    }

    @Test
    void withAttributesGivenOnlyTheNamedOnesAndThoseWithANamedSubAttributeAreKept() {
        assertThat(Projection.attributes(List.of(AttributePath.of("displayName"))).mayOmit("members")).isTrue();
        assertThat(Projection.attributes(List.of(AttributePath.of("displayName"), AttributePath.of("Members"))).mayOmit("members")).isFalse();
        assertThat(Projection.attributes(List.of(AttributePath.of("members", "value"))).mayOmit("members")).isFalse();
    }
}
