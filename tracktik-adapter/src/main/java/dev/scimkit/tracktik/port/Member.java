package dev.scimkit.tracktik.port;

import java.util.Objects;

/**
 * One holder of a role, as a Group's {@code members} lists it.
 *
 * @param scimId  the employee's SCIM id ({@code members.value})
 * @param display the employee's display name ({@code members.display})
 */
public record Member(String scimId, String display) {
    public Member {
        Objects.requireNonNull(scimId, "scimId");
        Objects.requireNonNull(display, "display");
    }
}
