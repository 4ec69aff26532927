package dev.scimkit.tracktik.domain;

import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainValidatorTest {

    private final DomainValidator validator = new DomainValidator();

    @Test
    void aValidProfilePasses() {
        EmployeeProfile p = EmployeeProfile.builder().firstName("Ada").lastName("Lovelace").email("ada@example.com")
                .primaryPhone("+1 (555) 010-0100").language("en-GB").build();
        assertThat(validator.check("employee", p)).isSameAs(p);
        assertThat(p.region()).isEqualTo(Region.HQ);
        assertThat(p.status()).isEqualTo(EmployeeStatus.ACTIVE);
    }

    @Test
    void everyViolationIsNamedWithTheValueInOne400() {
        EmployeeProfile p = EmployeeProfile.builder().firstName(" ").lastName("").email("not-an-email")
                .primaryPhone("call me").language("english please").build();
        assertThatThrownBy(() -> validator.check("employee", p))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).contains(ScimErrorType.INVALID_VALUE);
                    assertThat(e.detail()).contains("firstName must not be blank: send name.givenName")
                            .contains("lastName must not be blank: send name.familyName")
                            .contains("email must be an email address (got \"not-an-email\")")
                            .contains("primaryPhone must be a phone number")
                            .contains("language must be a language tag");
                });
    }

    @Test
    void regionsAndRolesAreChecked() {
        assertThatThrownBy(() -> validator.check("region", new Region("has space", "X")))
                .isInstanceOf(ScimException.class).hasMessageContaining("id must be letters");
        assertThatThrownBy(() -> validator.check("role", Role.staffPortalRole("1", "")))
                .isInstanceOf(ScimException.class).hasMessageContaining("name");
    }

    @Test
    void historyDiffListsOnlyChangedFieldsOldToNew() {
        EmployeeProfile before = EmployeeProfile.builder().firstName("Ada").lastName("Lovelace").jobTitle("Guard").build();
        EmployeeProfile after = before.toBuilder().jobTitle("Supervisor").status(EmployeeStatus.INACTIVE).build();
        assertThat(EmployeeChanges.diff(before, after)).containsExactly(
                new FieldChange("jobTitle", "Guard", "Supervisor"),
                new FieldChange("status", "ACTIVE", "INACTIVE"));
        assertThat(EmployeeChanges.actionOf(before, after)).isEqualTo(HistoryAction.DEACTIVATED);
        assertThat(EmployeeChanges.diff(after, after)).isEmpty();
    }
}
