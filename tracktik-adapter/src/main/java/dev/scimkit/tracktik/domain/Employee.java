package dev.scimkit.tracktik.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Objects;

/**
 * A TrackTik employee: its TrackTik id, the fields provisioning controls and the roles it holds
 * (derived from group memberships, so never part of the {@link EmployeeProfile}).
 *
 * @param id      the TrackTik id, assigned by the store
 * @param profile the provisioned fields (names, contact, status, region, ...)
 * @param roles   the roles the employee holds, ordered by name
 */
public record Employee(
        @NotBlank @Size(max = 64) String id,
        @NotNull @Valid EmployeeProfile profile,
        @NotNull List<@Valid RoleRef> roles) {

    public Employee {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        roles = List.copyOf(roles);
    }

    public String firstName() {
        return profile.firstName();
    }

    public String lastName() {
        return profile.lastName();
    }

    public EmployeeStatus status() {
        return profile.status();
    }

    public Region region() {
        return profile.region();
    }
}
