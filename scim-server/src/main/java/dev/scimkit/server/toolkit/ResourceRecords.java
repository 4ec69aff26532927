package dev.scimkit.server.toolkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.server.spi.TenantId;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The part of a repository that is yours: keeping SCIM resources of one type in your own tables or
 * service, as JSON trees in and out. {@link RecordRepositories} does the rest of the
 * {@code ResourceRepository} contract around it (ids, {@code meta}, versions and {@code If-Match},
 * uniqueness, membership and a User's derived {@code groups}, search, sorting and paging, copies).
 *
 * <p>What you receive and return is the whole resource as stored: {@code id}, {@code meta}
 * ({@code created}, {@code lastModified}, {@code version}) and, for a group, its {@code members}
 * included; never a User's {@code groups}, which is derived. A tree you are handed is yours to keep
 * (nobody changes it afterwards); a tree you return may be changed by the caller, so return a new one
 * per call (a mapping from rows does that naturally; a map of trees returns {@code deepCopy()}).
 *
 * <p>Every method runs inside the {@link WriteTransactions} the toolkit was built with, for writes
 * together with the checks that precede them, so a database store keeps check and write atomic by
 * making the transaction a database transaction. Tenancy is yours to keep: a resource of another
 * tenant does not exist.
 */
public interface ResourceRecords {

    /** The resource with {@code id} in {@code tenant}, or empty. */
    Optional<ObjectNode> find(TenantId tenant, String id);

    /**
     * Every resource of {@code tenant} in a stable order (creation order, say), which is the default
     * order of a search and its pages. Override {@link #findBy} and {@link #withMember} when this is
     * large: the defaults scan it.
     */
    List<ObjectNode> list(TenantId tenant);

    /** Stores a new resource, whose {@code id} is new in the tenant. */
    void insert(TenantId tenant, ObjectNode resource);

    /** Stores a new revision of the existing resource with the same {@code id}. */
    void update(TenantId tenant, ObjectNode resource);

    /** Removes the resource with {@code id}. */
    void delete(TenantId tenant, String id);

    /**
     * The resources whose top-level string {@code attribute} equals {@code value} ignoring case: the
     * uniqueness check and the {@code userName eq "…"} lookup that Entra ID and Okta send before every
     * create. The default scans {@link #list}; a store answers it from an index.
     */
    default List<ObjectNode> findBy(TenantId tenant, String attribute, String value) {
        String wanted = value.toLowerCase(Locale.ROOT);
        return list(tenant).stream().filter(r -> {
            JsonNode v = ScimJson.getIgnoreCase(r, attribute);
            return v != null && v.isTextual() && v.asText().toLowerCase(Locale.ROOT).equals(wanted);
        }).toList();
    }

    /**
     * The resources that list {@code memberId} in their {@code members}: a User's derived
     * {@code groups}, and the groups to update when a member is deleted. Only asked of types with
     * {@code members}. The default scans {@link #list}; a store answers it from its membership table.
     */
    default List<ObjectNode> withMember(TenantId tenant, String memberId) {
        return list(tenant).stream().filter(r -> Members.contains(r, memberId)).toList();
    }
}
