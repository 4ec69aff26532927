package dev.scimkit.tracktik.port;

import dev.scimkit.tracktik.domain.Role;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A role as a store holds it: the TrackTik role, its SCIM link and how many employees are members of
 * its group (the members themselves are read separately, page by page, so a large group costs nothing
 * to load). A store that pays for the count with a request (the portal's API) may count on first
 * use of {@link #memberCount()}, once: a SCIM write answered without members then costs no count.
 */
public final class RoleRecord {

    private final Role role;
    private final ScimLink link;
    private LongSupplier count;
    private long memberCount = -1;

    /**
     * @param role        the TrackTik role
     * @param link        the SCIM id, displayName, externalId, resource as sent, version and timestamps
     * @param memberCount the number of employees that are members of the role's group
     */
    public RoleRecord(Role role, ScimLink link, long memberCount) {
        this(role, link, () -> memberCount);
    }

    /** A record whose member count {@code count} gives when first asked (at most once). */
    public RoleRecord(Role role, ScimLink link, LongSupplier count) {
        this.role = Objects.requireNonNull(role, "role");
        this.link = Objects.requireNonNull(link, "link");
        this.count = Objects.requireNonNull(count, "count");
    }

    public Role role() {
        return role;
    }

    public ScimLink link() {
        return link;
    }

    /** The number of employees that are members of the role's group (counted on first use). */
    public synchronized long memberCount() {
        if (memberCount < 0) {
            memberCount = count.getAsLong();
            count = null;
        }
        return memberCount;
    }

    public String scimId() {
        return link.scimId();
    }

    @Override
    public String toString() {
        return "RoleRecord[role=" + role + ", scimId=" + link.scimId() + ", version=" + link.version() + "]";
    }
}
