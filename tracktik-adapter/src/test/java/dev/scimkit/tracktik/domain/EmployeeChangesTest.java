package dev.scimkit.tracktik.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What History records for a create, an update and a role change, independently of any store. */
class EmployeeChangesTest {

    private static final EmployeeProfile ADA = EmployeeProfile.builder().firstName("Ada").lastName("Lovelace")
            .jobTitle("Guard").build();

    @Test
    void aCreateListsEveryFilledFieldFromNothingAndNoEmptyOne() {
        List<FieldChange> created = EmployeeChanges.created(ADA);
        assertThat(created).contains(new FieldChange("firstName", "", "Ada"), new FieldChange("lastName", "", "Lovelace"),
                new FieldChange("jobTitle", "", "Guard"));
        assertThat(created).extracting(FieldChange::field).doesNotContain("email", "department");
        assertThat(created).allSatisfy(c -> {
            assertThat(c.oldValue()).isEmpty();
            assertThat(c.newValue()).isNotEmpty();
            assertThat(c.note()).isEmpty();
        });
    }

    @Test
    void aValueThatStaysButStopsBeingDerivedIsRecorded() {
        EmployeeProfile withTitle = ADA.toBuilder().jobTitle("Guard").build();
        DerivedFields derivedBefore = new DerivedFields(Map.of("jobTitle", "the department"), Map.of());
        assertThat(EmployeeChanges.diff(withTitle, withTitle, derivedBefore)).containsExactly(
                new FieldChange("jobTitle", "Guard", "Guard", "as sent, replaces the value derived from the department"));
        assertThat(EmployeeChanges.diff(withTitle, withTitle, DerivedFields.none())).isEmpty();
    }

    @Test
    void aStatusFlipNamesItselfAndRolesAreListedInOrder() {
        EmployeeProfile inactive = ADA.withStatus(EmployeeStatus.INACTIVE);
        assertThat(inactive.status()).isEqualTo(EmployeeStatus.INACTIVE);
        assertThat(ADA.status()).as("a profile never changes").isEqualTo(EmployeeStatus.ACTIVE);
        assertThat(EmployeeChanges.diff(ADA, inactive, DerivedFields.none())).extracting(FieldChange::field)
                .as("the status alone changed").containsExactly("status");
        assertThat(EmployeeChanges.actionOf(ADA, inactive)).isEqualTo(HistoryAction.DEACTIVATED);
        assertThat(EmployeeChanges.actionOf(inactive, ADA)).isEqualTo(HistoryAction.REACTIVATED);
        assertThat(EmployeeChanges.actionOf(ADA, ADA.toBuilder().jobTitle("Lead").build())).isEqualTo(HistoryAction.UPDATED);
        assertThat(EmployeeChanges.roles(List.of("Night", "Day"), List.of("Patrol", "Day", "Night")))
                .isEqualTo(new FieldChange("roles", "Day, Night", "Day, Night, Patrol"));
    }
}
