package dev.scimkit.tracktik.domain;

import jakarta.validation.constraints.NotBlank;

/**
 * A role an employee holds, as the employee sees it.
 *
 * @param id     the role's TrackTik id
 * @param name   the role's name at the time it was read
 * @param scimId the SCIM id of the Group that grants the role (what the User's {@code groups} lists)
 */
public record RoleRef(@NotBlank String id, @NotBlank String name, @NotBlank String scimId) {
}
