package dev.scimkit.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import dev.scimkit.patch.PatchEngine;
import dev.scimkit.patch.PatchPlan;
import dev.scimkit.server.spi.Projection;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.SearchQuery;
import dev.scimkit.server.spi.SearchResult;
import dev.scimkit.server.spi.SortOrder;
import dev.scimkit.server.spi.SortSpec;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@link ResourceRepository} contract for the User and Group repositories of a store, as a test
 * any implementation runs: extend it in your tests (dependency {@code dev.scimkit:scim-server}, type
 * {@code test-jar}, scope test), return your repositories from {@link #users()} and {@link #groups()},
 * and, if the store can be broken part-way through a write, a {@link #faults() fault injection}.
 *
 * <p>What it checks, for Users and Groups: identity and meta; tenant isolation of every read, search,
 * write and unfiltered list (a resource of another tenant does not exist, and cannot be named as a
 * member); optimistic versions ({@code If-Match} on PUT, PATCH and DELETE: a stale version is a 412
 * that changes nothing, versions compare weakly); uniqueness of {@code userName} and of a Group's
 * {@code displayName} ignoring case, per tenant (409 {@code uniqueness}); paging ({@code startIndex},
 * {@code count}, {@code totalResults}, sort orders, a stable default order); membership (a User's
 * derived {@code groups}, deleting a User or a Group removes the memberships); atomicity (a refused
 * write leaves nothing behind, and so does every write that fails after its first statement); and copies
 * (a caller changing the top level of a returned node changes nothing stored; see the SPI's copy rule).
 *
 * <p>The two tenants are {@link #TENANT_A} and {@link #TENANT_B}. Every test uses fresh names, so one
 * repository (and one database) may serve all of them, and other data in the tenants does no harm.
 * A case a store legitimately cannot support is skipped with the store's reason, never in silence.
 */
public abstract class ResourceRepositoryContract {

    /** The tenant most cases write to. */
    public static final TenantId TENANT_A = TenantId.of("contract-acme");
    /** The other tenant, which must never see or touch {@link #TENANT_A}'s resources. */
    public static final TenantId TENANT_B = TenantId.of("contract-other");

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private final ScimPrincipal acme = ScimPrincipal.client(TENANT_A, "contract-test");
    private final ScimPrincipal other = ScimPrincipal.client(TENANT_B, "contract-test");

    /** The repository under test, serving the User resource type. */
    protected abstract ResourceRepository users();

    /**
     * The Group repository of the same store, sharing its Users (members, the derived {@code groups}).
     * Empty only for a store without Groups: the Group cases are then skipped, saying so.
     */
    protected Optional<ResourceRepository> groups() {
        return Optional.empty();
    }

    /** How the store can be made to fail after the first statement of a write; unsupported by default. */
    protected FaultInjection faults() {
        return FaultInjection.unsupported("the store under test offers no fault injection (override faults())");
    }

    /** The schemas the store serves, for the PATCH plans the contract sends. */
    protected SchemaRegistry registry() {
        return SchemaRegistry.standard();
    }

    private static ObjectNode user(String userName) {
        return ScimJson.parseObject(("{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName + "\","
                + "\"title\":\"Guard\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static String fresh(String handle) {
        return handle + "." + UUID.randomUUID().toString().substring(0, 8) + "@contract.example";
    }

    private ObjectNode stored(ScimPrincipal who, String id) {
        return users().get(who.tenant(), id, Projection.DEFAULT).orElseThrow();
    }

    @Test
    void createAssignsAnIdAndMeta() {
        ObjectNode created = users().create(acme, user(fresh("ann")));
        assertThat(created.path("id").asText()).isNotBlank();
        assertThat(created.path("meta").path("created").asText()).isNotBlank();
        assertThat(created.path("meta").path("lastModified").asText()).isNotBlank();
        assertThat(created.path("meta").path("version").asText()).isNotBlank();
    }

    @Test
    void getReturnsWhatWasStored() {
        String userName = fresh("bea");
        String id = users().create(acme, user(userName)).path("id").asText();
        assertThat(stored(acme, id).path("userName").asText()).isEqualTo(userName);
        assertThat(stored(acme, id).path("title").asText()).isEqualTo("Guard");
    }

    @Test
    void anotherTenantsResourceDoesNotExist() {
        String id = users().create(acme, user(fresh("cy"))).path("id").asText();
        assertThat(users().get(other.tenant(), id, Projection.DEFAULT)).isEmpty();
        ObjectNode change = stored(acme, id).deepCopy().put("title", "Intruder");
        assertStatus(() -> users().replace(other, id, change, Optional.empty()), 404);
        assertStatus(() -> users().delete(other, id, Optional.empty()), 404);
        assertThat(stored(acme, id).path("title").asText()).isEqualTo("Guard");
    }

    @Test
    void userNameIsUniqueIgnoringCaseWithinATenantOnly() {
        String userName = fresh("dee");
        users().create(acme, user(userName));
        assertThatThrownBy(() -> users().create(acme, user(userName.toUpperCase(java.util.Locale.ROOT))))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.scimType()).contains(ScimErrorType.UNIQUENESS);
                });
        assertThat(users().create(other, user(userName)).path("id").asText()).isNotBlank();
    }

    @Test
    void aWriteGivesANewVersionAndAStaleVersionIs412() {
        ObjectNode created = users().create(acme, user(fresh("eve")));
        String id = created.path("id").asText();
        String first = created.path("meta").path("version").asText();

        ObjectNode replaced = users().replace(acme, id, stored(acme, id).deepCopy().put("title", "Lead"),
                Optional.of(first));
        String second = replaced.path("meta").path("version").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(stored(acme, id).path("title").asText()).isEqualTo("Lead");

        assertStatus(() -> users().replace(acme, id, stored(acme, id).deepCopy().put("title", "Stale"),
                Optional.of(first)), 412);
        assertStatus(() -> users().delete(acme, id, Optional.of(first)), 412);
        assertThat(stored(acme, id).path("title").asText()).isEqualTo("Lead");
    }

    @Test
    void deleteRemovesAndAnUnknownIdIs404() {
        String id = users().create(acme, user(fresh("fay"))).path("id").asText();
        users().delete(acme, id, Optional.empty());
        assertThat(users().get(acme.tenant(), id, Projection.DEFAULT)).isEmpty();
        assertStatus(() -> users().delete(acme, id, Optional.empty()), 404);
        assertStatus(() -> users().replace(acme, id, user(fresh("gus")), Optional.empty()), 404);
    }

    @Test
    void changingAReturnedNodeChangesNothingStored() {
        // The caller owns the top level of what it gets back (nested values are read-only for both sides).
        ObjectNode created = users().create(acme, user(fresh("hal")));
        String id = created.path("id").asText();
        created.put("title", "Changed by the caller").remove("meta");
        ObjectNode read = stored(acme, id);
        read.put("title", "Changed through get").put("userName", "someone-else@contract.example");
        ObjectNode again = stored(acme, id);
        assertThat(again.path("title").asText()).isEqualTo("Guard");
        assertThat(again.path("userName").asText()).startsWith("hal.");
        assertThat(again.path("meta").path("version").asText()).isNotBlank();
    }

    // ---- Groups: identity, tenancy, uniqueness ------------------------------------------------------

    @Test
    void aGroupIsStoredWithItsMembersAndTheUserSeesItsGroups() {
        ResourceRepository groups = groupsOrSkip();
        String ann = createUser(acme, "g-ann");
        String name = freshName("Dispatch");
        ObjectNode created = groups.create(acme, group(name, ann));
        String gid = created.path("id").asText();
        assertThat(gid).isNotBlank();
        assertThat(created.path("meta").path("version").asText()).isNotBlank();
        assertThat(storedGroup(acme, gid).path("displayName").asText()).isEqualTo(name);
        assertThat(memberIds(storedGroup(acme, gid))).containsExactly(ann);
        assertThat(groupIdsOf(acme, ann)).containsExactly(gid);
    }

    @Test
    void anotherTenantsGroupDoesNotExistForAnyReadOrWrite() {
        ResourceRepository groups = groupsOrSkip();
        String member = createUser(acme, "iso-m");
        String name = freshName("Isolated");
        ObjectNode created = groups.create(acme, group(name, member));
        String gid = created.path("id").asText();
        String version = created.path("meta").path("version").asText();

        assertThat(groups.get(other.tenant(), gid, Projection.DEFAULT)).isEmpty();
        assertThat(search(groups, other.tenant(), "displayName eq \"" + name + "\"", 1, 10).totalResults()).isZero();
        assertThat(allIds(groups, other.tenant())).doesNotContain(gid);
        assertStatus(() -> groups.replace(other, gid, group(name + " stolen"), Optional.empty()), 404);
        assertStatus(() -> groups.patch(other, gid, groupPatch(replace("displayName", "\"" + name + " stolen\"")),
                Optional.empty(), Projection.DEFAULT), 404);
        assertStatus(() -> groups.delete(other, gid, Optional.empty()), 404);

        ObjectNode after = storedGroup(acme, gid);
        assertThat(after.path("displayName").asText()).isEqualTo(name);
        assertThat(after.path("meta").path("version").asText()).isEqualTo(version);
        assertThat(memberIds(after)).containsExactly(member);
    }

    @Test
    void anotherTenantsUserDoesNotExistForPatchSearchOrList() {
        String userName = fresh("iso");
        ObjectNode created = users().create(acme, user(userName));
        String id = created.path("id").asText();
        String version = created.path("meta").path("version").asText();

        assertStatus(() -> users().patch(other, id, userPatch(replace("title", "\"Intruder\"")), Optional.empty(),
                Projection.DEFAULT), 404);
        assertThat(search(users(), other.tenant(), "userName eq \"" + userName + "\"", 1, 10).totalResults()).isZero();
        assertThat(search(users(), other.tenant(), "title eq \"Guard\" and userName sw \"iso.\"", 1, 10).resources())
                .extracting(r -> r.path("id").asText()).doesNotContain(id);
        assertThat(allIds(users(), other.tenant())).doesNotContain(id);
        assertThat(stored(acme, id).path("meta").path("version").asText()).isEqualTo(version);
    }

    @Test
    void aUserOfAnotherTenantCannotBeMadeAMember() {
        ResourceRepository groups = groupsOrSkip();
        String foreign = createUser(acme, "foreign");
        String name = freshName("Borrowers");
        assertInvalidMember(() -> groups.create(other, group(name, foreign)), foreign);
        assertThat(search(groups, other.tenant(), "displayName eq \"" + name + "\"", 1, 10).totalResults()).isZero();

        String gid = groups.create(other, group(name)).path("id").asText();
        assertInvalidMember(() -> groups.patch(other, gid, groupPatch(addMembers(foreign)), Optional.empty(),
                Projection.DEFAULT), foreign);
        assertInvalidMember(() -> groups.replace(other, gid, group(name, foreign), Optional.empty()), foreign);
        assertThat(memberIds(storedGroup(other, gid))).isEmpty();
        assertThat(groupIdsOf(acme, foreign)).isEmpty();
    }

    @Test
    void groupDisplayNameIsUniqueIgnoringCaseWithinATenantOnly() {
        ResourceRepository groups = groupsOrSkip();
        String name = freshName("Unique");
        groups.create(acme, group(name));
        assertUniqueness(() -> groups.create(acme, group(name.toUpperCase(Locale.ROOT))));
        assertThat(groups.create(other, group(name)).path("id").asText()).isNotBlank();

        String second = freshName("Second");
        ObjectNode created = groups.create(acme, group(second));
        String gid = created.path("id").asText();
        String version = created.path("meta").path("version").asText();
        assertUniqueness(() -> groups.replace(acme, gid, group(name.toLowerCase(Locale.ROOT)), Optional.empty()));
        assertUniqueness(() -> groups.patch(acme, gid, groupPatch(replace("displayName", "\"" + name + "\"")),
                Optional.empty(), Projection.DEFAULT));
        assertThat(storedGroup(acme, gid).path("displayName").asText()).isEqualTo(second);
        assertThat(storedGroup(acme, gid).path("meta").path("version").asText()).isEqualTo(version);
    }

    @Test
    void renamingAUserToATakenUserNameIs409AndChangesNothing() {
        String taken = fresh("taken");
        users().create(acme, user(taken));
        ObjectNode created = users().create(acme, user(fresh("mover")));
        String id = created.path("id").asText();
        ObjectNode before = stored(acme, id);
        assertUniqueness(() -> users().replace(acme, id,
                before.deepCopy().put("userName", taken.toUpperCase(Locale.ROOT)), Optional.empty()));
        assertUniqueness(() -> users().patch(acme, id, userPatch(replace("userName", "\"" + taken + "\"")),
                Optional.empty(), Projection.DEFAULT));
        assertThat(stored(acme, id)).isEqualTo(before);
        // Its own name in another case is not a conflict with itself.
        String own = before.path("userName").asText();
        users().replace(acme, id, before.deepCopy().put("userName", own.toUpperCase(Locale.ROOT)), Optional.empty());
        assertThat(stored(acme, id).path("userName").asText()).isEqualTo(own.toUpperCase(Locale.ROOT));
    }

    @Test
    void aRenameMovesTheNameAndADeleteFreesIt() {
        String before = fresh("renamed");
        String after = fresh("renamed");
        String id = users().create(acme, user(before)).path("id").asText();
        users().replace(acme, id, stored(acme, id).deepCopy().put("userName", after), Optional.empty());
        assertThat(search(users(), acme.tenant(), "userName eq \"" + after.toUpperCase(Locale.ROOT) + "\"", 1, 10)
                .resources()).extracting(r -> r.path("id").asText()).containsExactly(id);
        assertThat(search(users(), acme.tenant(), "userName eq \"" + before + "\"", 1, 10).totalResults()).isZero();
        String taker = users().create(acme, user(before)).path("id").asText();
        assertThat(taker).as("the old name is free after the rename").isNotEqualTo(id);

        users().delete(acme, id, Optional.empty());
        assertThat(search(users(), acme.tenant(), "userName eq \"" + after + "\"", 1, 10).totalResults()).isZero();
        assertThat(users().create(acme, user(after)).path("id").asText()).as("a deleted user's name is free")
                .isNotBlank();
    }

    @Test
    void aGroupRenameOrDeleteFreesItsName() {
        ResourceRepository groups = groupsOrSkip();
        String before = freshName("Old name");
        String after = freshName("New name");
        String gid = groups.create(acme, group(before)).path("id").asText();
        groups.patch(acme, gid, groupPatch(replace("displayName", "\"" + after + "\"")), Optional.empty(),
                Projection.DEFAULT);
        assertThat(search(groups, acme.tenant(), "displayName eq \"" + after + "\"", 1, 10).resources())
                .extracting(r -> r.path("id").asText()).containsExactly(gid);
        assertThat(search(groups, acme.tenant(), "displayName eq \"" + before + "\"", 1, 10).totalResults()).isZero();
        assertThat(groups.create(acme, group(before)).path("id").asText()).isNotEqualTo(gid);
        groups.delete(acme, gid, Optional.empty());
        assertThat(groups.create(acme, group(after)).path("id").asText()).as("a deleted group's name is free")
                .isNotBlank();
    }

    @Test
    void aGroupPatchThatRenamesAndChangesMembersDoesBoth() {
        ResourceRepository groups = groupsOrSkip();
        String ann = createUser(acme, "both-ann");
        String bob = createUser(acme, "both-bob");
        String name = freshName("Both");
        String gid = groups.create(acme, group(name, ann)).path("id").asText();
        groups.patch(acme, gid, groupPatch(replace("displayName", "\"" + name + " renamed\""), addMembers(bob),
                removeMember(ann)), Optional.empty(), Projection.DEFAULT);
        ObjectNode after = storedGroup(acme, gid);
        assertThat(after.path("displayName").asText()).isEqualTo(name + " renamed");
        assertThat(memberIds(after)).containsExactly(bob);
        assertThat(stored(acme, bob).path("groups").get(0).path("display").asText()).isEqualTo(name + " renamed");
        assertThat(groupIdsOf(acme, ann)).isEmpty();
    }

    // ---- Versions: If-Match on PUT, PATCH and DELETE -------------------------------------------------

    @Test
    void aStaleVersionOnAUserPatchIs412AndTheCurrentOneWins() {
        ObjectNode created = users().create(acme, user(fresh("ver")));
        String id = created.path("id").asText();
        String first = created.path("meta").path("version").asText();
        ObjectNode patched = users().patch(acme, id, userPatch(replace("title", "\"Lead\"")), Optional.of(first),
                Projection.DEFAULT);
        String second = patched.path("meta").path("version").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(stored(acme, id).path("meta").path("version").asText()).isEqualTo(second);

        assertStatus(() -> users().patch(acme, id, userPatch(replace("title", "\"Stale\"")), Optional.of(first),
                Projection.DEFAULT), 412);
        assertThat(stored(acme, id).path("title").asText()).isEqualTo("Lead");
        assertThat(stored(acme, id).path("meta").path("version").asText()).isEqualTo(second);

        // Versions compare weakly: the strong spelling of the current tag is the same version.
        users().patch(acme, id, userPatch(replace("title", "\"Chief\"")), Optional.of(strong(second)), Projection.DEFAULT);
        assertThat(stored(acme, id).path("title").asText()).isEqualTo("Chief");
        String third = stored(acme, id).path("meta").path("version").asText();
        users().delete(acme, id, Optional.of(third));
        assertThat(users().get(acme.tenant(), id, Projection.DEFAULT)).isEmpty();
    }

    @Test
    void aStaleVersionOnAGroupPutPatchOrDeleteIs412AndChangesNothing() {
        ResourceRepository groups = groupsOrSkip();
        String member = createUser(acme, "gv");
        String name = freshName("Versioned");
        ObjectNode created = groups.create(acme, group(name));
        String gid = created.path("id").asText();
        String first = created.path("meta").path("version").asText();

        ObjectNode added = groups.patch(acme, gid, groupPatch(addMembers(member)), Optional.of(first), Projection.DEFAULT);
        String second = added.path("meta").path("version").asText();
        assertThat(second).as("a member add is a write: a new version").isNotEqualTo(first);

        assertStatus(() -> groups.replace(acme, gid, group(name + " renamed"), Optional.of(first)), 412);
        assertStatus(() -> groups.patch(acme, gid, groupPatch(removeMember(member)), Optional.of(first),
                Projection.DEFAULT), 412);
        assertStatus(() -> groups.delete(acme, gid, Optional.of(first)), 412);
        ObjectNode after = storedGroup(acme, gid);
        assertThat(after.path("displayName").asText()).isEqualTo(name);
        assertThat(memberIds(after)).containsExactly(member);
        assertThat(after.path("meta").path("version").asText()).isEqualTo(second);

        ObjectNode renamed = groups.replace(acme, gid, group(name + " renamed", member), Optional.of(strong(second)));
        String third = renamed.path("meta").path("version").asText();
        assertThat(third).isNotEqualTo(second);
        groups.delete(acme, gid, Optional.of(third));
        assertThat(groups.get(acme.tenant(), gid, Projection.DEFAULT)).isEmpty();
        assertThat(groupIdsOf(acme, member)).isEmpty();
    }

    // ---- Paging --------------------------------------------------------------------------------------

    @Test
    void usersPageByStartIndexAndCountInTheRequestedOrder() {
        String run = "pg" + UUID.randomUUID().toString().substring(0, 6);
        List<String> names = new ArrayList<>();
        for (String handle : List.of("d", "a", "e", "c", "b")) {
            String userName = run + "." + handle + "@contract.example";
            users().create(acme, user(userName));
            names.add(userName);
        }
        users().create(other, user(run + ".z@contract.example"));
        String filter = "userName sw \"" + run + ".\"";
        List<String> ascending = names.stream().sorted().toList();
        List<String> descending = names.stream().sorted(Comparator.reverseOrder()).toList();

        assertPages(users(), "userName", filter, SortOrder.ASCENDING, ascending);
        assertPages(users(), "userName", filter, SortOrder.DESCENDING, descending);
        assertStableDefaultOrder(users(), filter, names.size());
    }

    @Test
    void groupsPageByStartIndexAndCountInTheRequestedOrder() {
        ResourceRepository groups = groupsOrSkip();
        String run = "Pg" + UUID.randomUUID().toString().substring(0, 6);
        List<String> names = new ArrayList<>();
        for (String handle : List.of("delta", "alpha", "echo", "charlie", "bravo")) {
            groups.create(acme, group(run + " " + handle));
            names.add(run + " " + handle);
        }
        groups.create(other, group(run + " zulu"));
        String filter = "displayName sw \"" + run + " \"";
        assertPages(groups, "displayName", filter, SortOrder.ASCENDING, names.stream().sorted().toList());
        assertPages(groups, "displayName", filter, SortOrder.DESCENDING,
                names.stream().sorted(Comparator.reverseOrder()).toList());
        assertStableDefaultOrder(groups, filter, names.size());
    }

    @Test
    void anUnfilteredListPagesThroughTheTenantOnlyEachOnceInAStableOrder() {
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            mine.add(createUser(acme, "list" + i));
        }
        String foreign = createUser(other, "list-other");
        List<String> first = allIds(users(), acme.tenant());
        assertThat(first).containsAll(mine).doesNotContain(foreign).doesNotHaveDuplicates();
        assertThat(allIds(users(), acme.tenant())).as("the same list, page by page, twice").isEqualTo(first);
        assertThat(allIds(users(), other.tenant())).contains(foreign).doesNotContainAnyElementsOf(mine);

        groups().ifPresent(groups -> {
            String gid = groups.create(acme, group(freshName("Listed"))).path("id").asText();
            String foreignGroup = groups.create(other, group(freshName("Listed"))).path("id").asText();
            List<String> groupIds = allIds(groups, acme.tenant());
            assertThat(groupIds).contains(gid).doesNotContain(foreignGroup).doesNotHaveDuplicates();
            assertThat(allIds(groups, other.tenant())).contains(foreignGroup).doesNotContain(gid);
        });
    }

    // ---- Membership cascades -------------------------------------------------------------------------

    @Test
    void deletingAUserRemovesItFromEveryGroup() {
        ResourceRepository groups = groupsOrSkip();
        String leaver = createUser(acme, "leaver");
        String stayer = createUser(acme, "stayer");
        String g1 = groups.create(acme, group(freshName("Cascade one"), leaver, stayer)).path("id").asText();
        String g2 = groups.create(acme, group(freshName("Cascade two"), leaver)).path("id").asText();
        assertThat(groupIdsOf(acme, leaver)).containsExactlyInAnyOrder(g1, g2);

        users().delete(acme, leaver, Optional.empty());
        assertThat(memberIds(storedGroup(acme, g1))).containsExactly(stayer);
        assertThat(memberIds(storedGroup(acme, g2))).isEmpty();
        assertThat(search(groups, acme.tenant(), "members.value eq \"" + leaver + "\"", 1, 10).totalResults()).isZero();
        assertThat(groupIdsOf(acme, stayer)).containsExactly(g1);
    }

    @Test
    void membershipChangesShowInTheUsersGroupsAndAGroupDeleteReleasesThem() {
        ResourceRepository groups = groupsOrSkip();
        String ann = createUser(acme, "m-ann");
        String bob = createUser(acme, "m-bob");
        String name = freshName("Members");
        String gid = groups.create(acme, group(name, ann)).path("id").asText();
        JsonNode annsGroups = stored(acme, ann).path("groups");
        assertThat(annsGroups).hasSize(1);
        assertThat(annsGroups.get(0).path("value").asText()).isEqualTo(gid);
        assertThat(annsGroups.get(0).path("display").asText()).isEqualTo(name);

        groups.patch(acme, gid, groupPatch(addMembers(bob)), Optional.empty(), Projection.DEFAULT);
        groups.patch(acme, gid, groupPatch(removeMember(ann)), Optional.empty(), Projection.DEFAULT);
        assertThat(memberIds(storedGroup(acme, gid))).containsExactly(bob);
        assertThat(groupIdsOf(acme, ann)).isEmpty();
        assertThat(groupIdsOf(acme, bob)).containsExactly(gid);

        groups.replace(acme, gid, group(name, ann), Optional.empty());
        assertThat(memberIds(storedGroup(acme, gid))).containsExactly(ann);
        assertThat(groupIdsOf(acme, bob)).isEmpty();

        groups.delete(acme, gid, Optional.empty());
        assertThat(groupIdsOf(acme, ann)).isEmpty();
        assertThat(users().get(acme.tenant(), ann, Projection.DEFAULT)).isPresent();
    }

    // ---- Atomicity -----------------------------------------------------------------------------------

    @Test
    void aRefusedGroupWriteLeavesNoHalfOfItself() {
        ResourceRepository groups = groupsOrSkip();
        String member = createUser(acme, "refused");
        String name = freshName("Refused");
        String gid = groups.create(acme, group(name, member)).path("id").asText();
        ObjectNode before = storedGroup(acme, gid);
        String missing = UUID.randomUUID().toString();

        // A rename together with a member that does not exist: refused as a whole, rename included.
        assertInvalidMember(() -> groups.replace(acme, gid, group(name + " renamed", member, missing), Optional.empty()),
                missing);
        assertInvalidMember(() -> groups.patch(acme, gid, groupPatch(replace("displayName", "\"" + name + " renamed\""),
                addMembers(missing)), Optional.empty(), Projection.DEFAULT), missing);
        assertThat(groupState(acme, gid)).isEqualTo(groupState(before));
        assertThat(groupIdsOf(acme, member)).containsExactly(gid);

        String other = freshName("Refused new");
        assertInvalidMember(() -> groups.create(acme, group(other, member, missing)), missing);
        assertThat(search(groups, acme.tenant(), "displayName eq \"" + other + "\"", 1, 10).totalResults()).isZero();
        assertThat(groupIdsOf(acme, member)).containsExactly(gid);
    }

    @Test
    void aUserCreateThatFailsPartWayLeavesNothing() {
        String userName = fresh("half");
        assertAtomic("a User create", () -> search(users(), acme.tenant(), "userName eq \"" + userName + "\"", 1, 10)
                .totalResults(), () -> users().create(acme, user(userName)));
        assertThat(users().create(acme, user(userName)).path("id").asText()).as("the name is still free").isNotBlank();
    }

    @Test
    void aUserReplacePatchOrDeleteThatFailsPartWayLeavesTheUserAsItWas() {
        String id = createUser(acme, "halfway");
        Supplier<Object> state = () -> stored(acme, id);
        assertAtomic("a User PUT", state, () -> users().replace(acme, id,
                stored(acme, id).deepCopy().put("title", "Half"), Optional.empty()));
        assertAtomic("a User PATCH", state, () -> users().patch(acme, id, userPatch(replace("title", "\"Half\"")),
                Optional.empty(), Projection.DEFAULT));
        assertAtomic("a User DELETE", state, () -> users().delete(acme, id, Optional.empty()));
    }

    @Test
    void aUserDeleteThatFailsPartWayKeepsItsMemberships() {
        ResourceRepository groups = groupsOrSkip();
        String id = createUser(acme, "member-half");
        String gid = groups.create(acme, group(freshName("Kept"), id)).path("id").asText();
        assertAtomic("a DELETE of a User in a group", () -> List.of(stored(acme, id), groupState(acme, gid)),
                () -> users().delete(acme, id, Optional.empty()));
    }

    @Test
    void aGroupCreateThatFailsPartWayLeavesNoGroupAndNoMembership() {
        ResourceRepository groups = groupsOrSkip();
        String member = createUser(acme, "gc-half");
        String name = freshName("Half created");
        assertAtomic("a Group create with a member", () -> List.of(
                search(groups, acme.tenant(), "displayName eq \"" + name + "\"", 1, 10).totalResults(),
                stored(acme, member)), () -> groups.create(acme, group(name, member)));
    }

    @Test
    void aGroupReplacePatchOrDeleteThatFailsPartWayLeavesTheGroupAsItWas() {
        ResourceRepository groups = groupsOrSkip();
        String ann = createUser(acme, "gw-ann");
        String bob = createUser(acme, "gw-bob");
        String name = freshName("Half written");
        String gid = groups.create(acme, group(name, ann)).path("id").asText();
        Supplier<Object> state = () -> List.of(groupState(acme, gid), stored(acme, ann), stored(acme, bob));
        assertAtomic("a Group PUT (rename and new members)", state,
                () -> groups.replace(acme, gid, group(name + " renamed", bob), Optional.empty()));
        assertAtomic("a Group PATCH adding a member", state,
                () -> groups.patch(acme, gid, groupPatch(addMembers(bob)), Optional.empty(), Projection.DEFAULT));
        assertAtomic("a Group PATCH removing a member", state,
                () -> groups.patch(acme, gid, groupPatch(removeMember(ann)), Optional.empty(), Projection.DEFAULT));
        assertAtomic("a Group PATCH renaming it", state, () -> groups.patch(acme, gid,
                groupPatch(replace("displayName", "\"" + name + " patched\"")), Optional.empty(), Projection.DEFAULT));
        assertAtomic("a Group DELETE", state, () -> groups.delete(acme, gid, Optional.empty()));
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private ResourceRepository groupsOrSkip() {
        Optional<ResourceRepository> groups = groups();
        assumeTrue(groups.isPresent(), "Group cases skipped: the store under test serves no Group repository");
        return groups.get();
    }

    /**
     * Runs {@code write} with the store failing after its first statement: the write must fail, and
     * {@code state} must read the same afterwards as before.
     */
    private void assertAtomic(String what, Supplier<?> state, Runnable write) {
        FaultInjection faults = faults();
        assumeTrue(faults.unsupportedBecause().isEmpty(),
                () -> "Atomicity under an injected failure not checked: " + faults.unsupportedBecause().orElse(""));
        Object before = state.get();
        faults.failAfterFirstStatement();
        try {
            assertThatThrownBy(write::run).as(what + " must fail when the store fails after its first statement")
                    .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isGreaterThanOrEqualTo(500));
        } finally {
            faults.heal();
        }
        assertThat(state.get()).as(what + " left part of itself behind").isEqualTo(before);
    }

    private String createUser(ScimPrincipal who, String handle) {
        return users().create(who, user(fresh(handle))).path("id").asText();
    }

    private ObjectNode storedGroup(ScimPrincipal who, String id) {
        return groups().orElseThrow().get(who.tenant(), id, Projection.DEFAULT).orElseThrow();
    }

    /** What a Group write may change: name, version, members (as a set: stores order them differently). */
    private List<Object> groupState(ScimPrincipal who, String id) {
        return groupState(storedGroup(who, id));
    }

    private static List<Object> groupState(ObjectNode group) {
        return List.of(group.path("displayName").asText(), group.path("meta").path("version").asText(),
                new TreeSet<>(memberIds(group)));
    }

    private static ObjectNode group(String displayName, String... memberIds) {
        ObjectNode g = ScimJson.object();
        g.putArray("schemas").add(GROUP);
        g.put("displayName", displayName);
        var members = g.putArray("members");
        for (String id : memberIds) {
            members.addObject().put("value", id).put("type", "User");
        }
        return g;
    }

    private static String freshName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Set<String> memberIds(JsonNode group) {
        Set<String> ids = new LinkedHashSet<>();
        group.path("members").forEach(m -> ids.add(m.path("value").asText()));
        return ids;
    }

    private Set<String> groupIdsOf(ScimPrincipal who, String userId) {
        Set<String> ids = new LinkedHashSet<>();
        stored(who, userId).path("groups").forEach(g -> ids.add(g.path("value").asText()));
        return ids;
    }

    private PatchPlan userPatch(String... operations) {
        return plan("User", operations);
    }

    private PatchPlan groupPatch(String... operations) {
        return plan("Group", operations);
    }

    private PatchPlan plan(String type, String... operations) {
        PatchEngine engine = PatchEngine.defaults();
        String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + String.join(",", operations) + "]}";
        return engine.plan(registry().resourceType(type).orElseThrow(),
                engine.parse(ScimJson.parseObject(body.getBytes(StandardCharsets.UTF_8))));
    }

    private static String replace(String path, String jsonValue) {
        return "{\"op\":\"replace\",\"path\":\"" + path + "\",\"value\":" + jsonValue + "}";
    }

    private static String addMembers(String... ids) {
        return "{\"op\":\"add\",\"path\":\"members\",\"value\":["
                + String.join(",", Arrays.stream(ids).map(id -> "{\"value\":\"" + id + "\"}").toList()) + "]}";
    }

    private static String removeMember(String id) {
        return "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + id + "\\\"]\"}";
    }

    /** {@code W/"7"} becomes {@code "7"}: the same version under weak comparison. */
    private static String strong(String version) {
        return version.startsWith("W/") ? version.substring(2) : version;
    }

    private static SearchResult search(ResourceRepository repository, TenantId tenant, String filter, int start, int count) {
        return repository.search(tenant, new SearchQuery(Optional.of(Filters.parse(filter)), Optional.empty(), start,
                count, Projection.DEFAULT));
    }

    /** Every id of the tenant through an unfiltered list, three at a time; totalResults must agree. */
    private static List<String> allIds(ResourceRepository repository, TenantId tenant) {
        List<String> ids = new ArrayList<>();
        SearchResult first = repository.search(tenant, SearchQuery.all(3));
        long total = first.totalResults();
        SearchResult page = first;
        while (true) {
            page.resources().forEach(r -> ids.add(r.path("id").asText()));
            if (page.resources().isEmpty() || ids.size() >= total) {
                break;
            }
            page = repository.search(tenant, SearchQuery.all(3).withPage(ids.size() + 1, 3));
            assertThat(page.totalResults()).as("totalResults of every page").isEqualTo(total);
        }
        assertThat((long) ids.size()).as("the pages hold totalResults resources").isEqualTo(total);
        return ids;
    }

    /** Pages of two through the filter's matches sorted by {@code attribute}, and past the end. */
    private void assertPages(ResourceRepository repository, String attribute, String filter, SortOrder order,
                             List<String> expected) {
        SearchQuery query = new SearchQuery(Optional.of(Filters.parse(filter)),
                Optional.of(new SortSpec(Filters.parseAttributePath(attribute), order)), 1, 2, Projection.DEFAULT);
        List<String> seen = new ArrayList<>();
        for (int start = 1; start <= expected.size(); start += 2) {
            SearchResult page = repository.search(acme.tenant(), query.withPage(start, 2));
            assertThat(page.totalResults()).isEqualTo(expected.size());
            assertThat(page.resources()).hasSize(Math.min(2, expected.size() - start + 1));
            page.resources().forEach(r -> seen.add(r.path(attribute).asText()));
        }
        assertThat(seen).as(attribute + " " + order).isEqualTo(expected);
        SearchResult past = repository.search(acme.tenant(), query.withPage(expected.size() + 1, 2));
        assertThat(past.resources()).isEmpty();
        assertThat(past.totalResults()).isEqualTo(expected.size());
        SearchResult countOnly = repository.search(acme.tenant(), query.withPage(1, 0));
        assertThat(countOnly.resources()).isEmpty();
        assertThat(countOnly.totalResults()).isEqualTo(expected.size());
        SearchResult middle = repository.search(acme.tenant(), query.withPage(2, 3));
        assertThat(middle.resources()).extracting(r -> r.path(attribute).asText())
                .containsExactlyElementsOf(expected.subList(1, Math.min(4, expected.size())));
    }

    /** Without a sort, pages of two go through every match once, the same way twice. */
    private void assertStableDefaultOrder(ResourceRepository repository, String filter, int matches) {
        List<List<String>> passes = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            List<String> ids = new ArrayList<>();
            for (int start = 1; start <= matches; start += 2) {
                search(repository, acme.tenant(), filter, start, 2).resources().forEach(r -> ids.add(r.path("id").asText()));
            }
            assertThat(ids).hasSize(matches).doesNotHaveDuplicates();
            passes.add(ids);
        }
        assertThat(passes.get(1)).isEqualTo(passes.get(0));
    }

    private static void assertUniqueness(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.scimType()).contains(ScimErrorType.UNIQUENESS);
        });
    }

    private static void assertInvalidMember(Runnable call, String id) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType()).contains(ScimErrorType.INVALID_VALUE);
            assertThat(e.detail()).contains(id);
        });
    }

    private static void assertStatus(Runnable call, int status) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.status()).isEqualTo(status));
    }
}
