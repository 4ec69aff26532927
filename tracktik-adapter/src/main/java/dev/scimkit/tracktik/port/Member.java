package dev.scimkit.tracktik.port;

import java.util.Objects;

/**
 * One holder of a role, as a Group's {@code members} lists it.
 *
 * @param scimId  the employee's SCIM id ({@code members.value})
 * @param display the employee's SCIM User's name ({@code members.display}, see {@link #ofUser})
 */
public record Member(String scimId, String display) {
    public Member {
        Objects.requireNonNull(scimId, "scimId");
        Objects.requireNonNull(display, "display");
    }

    /**
     * The member for an employee's SCIM User, named as the User is: its {@code displayName}, or its
     * {@code userName} when it has none. Stores build it from the User's link when the group is read,
     * so a renamed User shows under its new name in every role without touching the roles.
     *
     * @param displayName the User's {@code displayName} as sent, null or blank when it has none
     * @param userName    the User's {@code userName}
     */
    public static Member ofUser(String scimId, String displayName, String userName) {
        return new Member(scimId, displayName == null || displayName.isBlank() ? userName : displayName);
    }
}
