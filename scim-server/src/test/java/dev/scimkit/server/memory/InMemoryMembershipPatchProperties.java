package dev.scimkit.server.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.message.PatchRequest;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.patch.PatchEngine;
import dev.scimkit.server.spi.Projection;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.SearchQuery;
import dev.scimkit.server.spi.TenantId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The in-memory store's group PATCH against a model of what it must do, over random sequences of
 * member adds and removes (in the forms Entra ID and Okta send, ids in any case, unknown ids), replaces
 * of all members, and renames, alone or mixed in one request. A PATCH that changes only the members
 * stores its next revision without re-checking uniqueness or re-indexing (nothing indexed can have
 * changed); these properties hold that shortcut to the full bookkeeping: after every step the stored
 * members, the name, the displayName index, every member's derived {@code groups}, and the version are
 * what the model says, a failing request (unknown member 400, a taken name 409) changes nothing at all,
 * and an answer a reader holds never changes.
 */
class InMemoryMembershipPatchProperties {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    private static final TenantId TENANT = TenantId.of("membership");
    private static final ScimPrincipal CALLER = ScimPrincipal.client(TENANT, "test-client");
    private static final Projection NO_MEMBERS = Projection.excluding(List.of(AttributePath.of("members")));
    private static final int USERS = 6;
    private static final String UNKNOWN = "00000000-0000-4000-8000-0000000000ff";
    private static final String TAKEN = "Taken";

    /** One step: an operation of the request, in the model's terms. */
    private sealed interface Step permits Add, RemoveOne, RemoveByValues, RemoveAll, ReplaceAll, Rename {
    }

    /** {@code add members [{value}...]}; indexes into the users, -1 for an unknown id. */
    private record Add(List<Integer> users, boolean upperCase) implements Step {
    }

    /** Okta's {@code remove members[value eq "id"]}. */
    private record RemoveOne(int user, boolean upperCase) implements Step {
    }

    /** Entra's {@code remove members [{value}...]}. */
    private record RemoveByValues(List<Integer> users) implements Step {
    }

    /** {@code remove members}. */
    private record RemoveAll() implements Step {
    }

    /** {@code replace members [{value}...]}. */
    private record ReplaceAll(List<Integer> users) implements Step {
    }

    /** {@code replace displayName}: a fresh name, or the other group's (a 409). */
    private record Rename(int suffix, boolean taken) implements Step {
    }

    @Property(tries = 200)
    void groupPatchesKeepMembersIndexesAndVersionsAsTheModelSays(@ForAll("requests") List<List<Step>> requests) {
        InMemoryStore store = InMemoryStore.create(REGISTRY);
        ResourceRepository users = store.users();
        ResourceRepository groups = store.groups();
        PatchEngine engine = PatchEngine.defaults();
        List<String> userIds = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            userIds.add(users.create(CALLER, json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                    + "\"userName\":\"user" + i + "\"}")).get("id").asText());
        }
        groups.create(CALLER, json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + TAKEN + "\"}"));
        String groupId = groups.create(CALLER, json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Group 0\",\"members\":[{\"value\":\"" + userIds.get(0) + "\"}]}")).get("id").asText();

        Set<Integer> members = new LinkedHashSet<>(List.of(0));
        String name = "Group 0";
        for (List<Step> request : requests) {
            ObjectNode held = groups.get(TENANT, groupId, Projection.DEFAULT).orElseThrow();
            String heldText = held.toString();
            String versionBefore = held.path("meta").path("version").asText();

            Set<Integer> expectedMembers = new LinkedHashSet<>(members);
            String expectedName = name;
            for (Step step : request) {
                if (step instanceof Add a) {
                    expectedMembers.addAll(a.users());
                } else if (step instanceof RemoveOne r) {
                    expectedMembers.remove(r.user());
                } else if (step instanceof RemoveByValues r) {
                    expectedMembers.removeAll(r.users());
                } else if (step instanceof RemoveAll) {
                    expectedMembers.clear();
                } else if (step instanceof ReplaceAll r) {
                    expectedMembers.clear();
                    expectedMembers.addAll(r.users());
                } else if (step instanceof Rename r) {
                    expectedName = r.taken() ? TAKEN : "Group " + r.suffix();
                }
            }
            // What the request asks for in the end decides: an unknown member that a later operation
            // of the same request takes out again is never added, a name given up again is not taken.
            boolean unknownMember = expectedMembers.contains(-1);
            boolean nameTaken = expectedName.equals(TAKEN);
            Integer failure = unknownMember && nameTaken ? null : unknownMember ? Integer.valueOf(400) : nameTaken ? Integer.valueOf(409) : null;
            boolean fails = unknownMember || nameTaken;
            String body = patchBody(request, userIds);
            PatchRequest parsed = engine.parse(json(body));
            if (fails) {
                Integer status = failure;
                assertThatThrownBy(() -> groups.patch(CALLER, groupId, engine.plan(REGISTRY.group(), parsed), Optional.empty(), NO_MEMBERS))
                        .isInstanceOfSatisfying(ScimException.class, e -> {
                            if (status != null) {
                                assertThat(e.status()).as(body).isEqualTo(status);
                            }
                        });
            } else {
                groups.patch(CALLER, groupId, engine.plan(REGISTRY.group(), parsed), Optional.empty(), NO_MEMBERS);
                members = expectedMembers;
                name = expectedName;
            }

            ObjectNode now = groups.get(TENANT, groupId, Projection.DEFAULT).orElseThrow();
            assertThat(held.toString()).as("an answer a reader holds never changes").isEqualTo(heldText);
            assertThat(memberIds(now)).as(body).isEqualTo(ids(members, userIds));
            assertThat(now.path("displayName").asText()).isEqualTo(name);
            String versionAfter = now.path("meta").path("version").asText();
            if (fails) {
                assertThat(now.toString()).as("a failed request changes nothing: " + body).isEqualTo(heldText);
            } else if (!memberIds(held).equals(memberIds(now)) || !held.path("displayName").equals(now.path("displayName"))) {
                assertThat(versionAfter).as("a change makes a new version").isNotEqualTo(versionBefore);
            }
            assertThat(now.path("meta").path("created")).isEqualTo(held.path("meta").path("created"));
            assertThat(now.path("meta").path("resourceType").asText()).isEqualTo("Group");
            // the displayName index finds the group under its name, and the other group under its own
            assertThat(idsWithName(groups, name)).containsExactly(groupId);
            assertThat(idsWithName(groups, TAKEN)).hasSize(1).doesNotContain(groupId);
            for (int i = 0; i < USERS; i++) {
                List<String> groupsOfUser = users.get(TENANT, userIds.get(i), Projection.DEFAULT).orElseThrow()
                        .path("groups").findValuesAsText("value");
                assertThat(groupsOfUser.contains(groupId)).as("user%d's groups", i).isEqualTo(members.contains(i));
            }
        }
    }

    @Provide
    Arbitrary<List<List<Step>>> requests() {
        Arbitrary<Integer> user = Arbitraries.integers().between(0, USERS - 1);
        Arbitrary<Integer> userOrUnknown = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, user), net.jqwik.api.Tuple.of(1, Arbitraries.just(-1)));
        Arbitrary<Step> add = Combinators.combine(userOrUnknown.list().ofMinSize(1).ofMaxSize(3).uniqueElements(),
                Arbitraries.of(true, false)).as(Add::new);
        Arbitrary<Step> removeOne = Combinators.combine(user, Arbitraries.of(true, false)).as(RemoveOne::new);
        Arbitrary<Step> removeByValues = user.list().ofMinSize(1).ofMaxSize(3).uniqueElements().map(RemoveByValues::new);
        Arbitrary<Step> replaceAll = user.list().ofMaxSize(3).uniqueElements().map(ReplaceAll::new);
        Arbitrary<Step> rename = Combinators.combine(Arbitraries.integers().between(1, 5),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(1, true), net.jqwik.api.Tuple.of(4, false))).as(Rename::new);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, add), net.jqwik.api.Tuple.of(3, removeOne), net.jqwik.api.Tuple.of(2, removeByValues),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new RemoveAll())), net.jqwik.api.Tuple.of(1, replaceAll),
                net.jqwik.api.Tuple.of(2, rename));
        return step.list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(1).ofMaxSize(8);
    }

    private static String patchBody(List<Step> request, List<String> userIds) {
        List<String> operations = new ArrayList<>();
        for (Step step : request) {
            operations.add(operation(step, userIds));
        }
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + String.join(",", operations) + "]}";
    }

    private static String operation(Step step, List<String> userIds) {
        if (step instanceof Add a) {
            return "{\"op\":\"add\",\"path\":\"members\",\"value\":" + values(a.users(), userIds, a.upperCase()) + "}";
        } else if (step instanceof RemoveOne r) {
            return "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + id(r.user(), userIds, r.upperCase()) + "\\\"]\"}";
        } else if (step instanceof RemoveByValues r) {
            return "{\"op\":\"Remove\",\"path\":\"members\",\"value\":" + values(r.users(), userIds, false) + "}";
        } else if (step instanceof RemoveAll) {
            return "{\"op\":\"remove\",\"path\":\"members\"}";
        } else if (step instanceof ReplaceAll r) {
            return "{\"op\":\"replace\",\"path\":\"members\",\"value\":" + values(r.users(), userIds, false) + "}";
        }
        Rename r = (Rename) step;
        return "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + (r.taken() ? TAKEN : "Group " + r.suffix()) + "\"}";
    }

    private static String values(List<Integer> users, List<String> userIds, boolean upperCase) {
        return users.stream().map(u -> "{\"value\":\"" + id(u, userIds, upperCase) + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** A user's id as a client may send it: the Group schema's member values compare without case. */
    private static String id(int user, List<String> userIds, boolean upperCase) {
        String id = user < 0 ? UNKNOWN : userIds.get(user);
        return upperCase ? id.toUpperCase(Locale.ROOT) : id;
    }

    private static Set<String> ids(Set<Integer> members, List<String> userIds) {
        Set<String> out = new LinkedHashSet<>();
        members.forEach(m -> out.add(userIds.get(m)));
        return out;
    }

    private static Set<String> memberIds(JsonNode group) {
        return new LinkedHashSet<>(group.path("members").findValuesAsText("value"));
    }

    private static List<String> idsWithName(ResourceRepository groups, String name) {
        SearchQuery query = new SearchQuery(Optional.of(Filters.parse("displayName eq \"" + name + "\"")), Optional.empty(), 1, 100, Projection.DEFAULT);
        return groups.search(TENANT, query).resources().stream().map(g -> g.get("id").asText()).toList();
    }

    private static ObjectNode json(String text) {
        return ScimJson.parseObject(text.getBytes(StandardCharsets.UTF_8));
    }
}
