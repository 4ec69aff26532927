package dev.scimkit.tracktik.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A TrackTik employee: its TrackTik id, the fields provisioning controls, the roles of the groups it
 * is a member of and the one role it actually holds (both follow group memberships, so neither is part
 * of the {@link EmployeeProfile}).
 *
 * @param id       the TrackTik id, assigned by the store
 * @param profile  the provisioned fields (names, contact, status, region, ...)
 * @param roles    the roles of the groups the employee is a member of, ordered by name: the memberships
 *                 the identity provider sent, which the SCIM User's {@code groups} shows
 * @param heldRole the one role the employee holds in TrackTik, chosen among {@code roles} by the
 *                 adapter's role policy (see {@link HeldRole}); empty while it never had one
 */
public record Employee(
        @NotBlank @Size(max = 64) String id,
        @NotNull @Valid EmployeeProfile profile,
        @NotNull List<@Valid RoleRef> roles,
        @NotNull Optional<HeldRole> heldRole) {

    public Employee {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        roles = List.copyOf(roles);
        Objects.requireNonNull(heldRole, "heldRole");
    }

    /** An employee that holds no role yet. */
    public Employee(String id, EmployeeProfile profile, List<RoleRef> roles) {
        this(id, profile, roles, Optional.empty());
    }

    /**
     * The group memberships the held role comes from: the roles of {@link #roles} that are the held role
     * (empty when the employee keeps a role no group of its grants any more, or holds none).
     */
    public List<RoleRef> heldRoleSources() {
        return heldRole.flatMap(HeldRole::id)
                .map(held -> roles.stream().filter(r -> r.id().equals(held)).toList())
                .orElse(List.of());
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
