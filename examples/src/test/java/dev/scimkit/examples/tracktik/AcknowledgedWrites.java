package dev.scimkit.examples.tracktik;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.scimkit.examples.tracktik.ScimHttp.q;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a server answered 2xx to, and what it might have done without answering (the request in flight
 * when it was killed), so that after a restart every acknowledged write can be checked: there, with
 * its History, and nothing acknowledged undone. Each resource is written by one worker only, so its
 * acknowledged writes are in order and at most one more may have been applied.
 */
final class AcknowledgedWrites {

    /** A user whose title is changed (PATCH or PUT) with a counter: {@code t0}, {@code t1}, … */
    static final class TitledUser {
        final String userName;
        String id;
        boolean createInFlight = true;
        int ackedTitle;
        boolean titleInFlight;
        boolean deleted;
        boolean deleteInFlight;

        TitledUser(String userName) {
            this.userName = userName;
        }
    }

    /** A user that is added to and removed from its worker's group, one toggle at a time. */
    static final class Member {
        final String id;
        final String groupId;
        boolean ackedMember;
        int ackedToggles;
        boolean toggleInFlight;

        Member(String id, String groupId) {
            this.id = id;
            this.groupId = groupId;
        }
    }

    private final List<TitledUser> titled = Collections.synchronizedList(new ArrayList<>());
    private final List<Member> members = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> groups = Collections.synchronizedSet(new HashSet<>());

    TitledUser titled(String userName) {
        TitledUser u = new TitledUser(userName);
        titled.add(u);
        return u;
    }

    Member member(String id, String groupId) {
        Member m = new Member(id, groupId);
        members.add(m);
        return m;
    }

    void group(String id) {
        groups.add(id);
    }

    /** How many writes were acknowledged, to show that the kill landed under load. */
    int acknowledged() {
        synchronized (titled) {
            synchronized (members) {
                int n = groups.size();
                for (TitledUser u : titled) {
                    n += (u.createInFlight ? 0 : 1) + u.ackedTitle + (u.deleted ? 1 : 0);
                }
                for (Member m : members) {
                    n += 1 + m.ackedToggles;
                }
                return n;
            }
        }
    }

    /** Checks every acknowledged write against a server restarted on the same store. */
    void verify(ScimHttp scim, String context) {
        TrackTikAdmin admin = scim.trackTik();
        for (String group : List.copyOf(groups)) {
            scim.expect(200, "GET", "/Groups/" + group + "?excludedAttributes=members", null);
        }
        for (TitledUser u : List.copyOf(titled)) {
            verifyTitled(scim, admin, u, context);
        }
        for (Member m : List.copyOf(members)) {
            verifyMember(scim, admin, m, context);
        }
    }

    private static void verifyTitled(ScimHttp scim, TrackTikAdmin admin, TitledUser u, String context) {
        JsonNode found = scim.get("/Users?filter=" + q("userName eq \"" + u.userName + "\""));
        int total = found.path("totalResults").asInt();
        String what = context + ": user " + u.userName;
        if (u.createInFlight) {
            // Never answered: it may or may not exist, but never twice.
            assertThat(total).as(what + " (create in flight)").isLessThanOrEqualTo(1);
            return;
        }
        if (u.deleted) {
            assertThat(scim.send("GET", "/Users/" + u.id, null).status()).as(what + " was deleted (204)").isEqualTo(404);
            return;
        }
        if (u.deleteInFlight && total == 0) {
            return;
        }
        assertThat(total).as(what + " was created (201) and never deleted").isEqualTo(1);
        JsonNode user = scim.get("/Users/" + u.id);
        int title = Integer.parseInt(user.path("title").asText().substring(1));
        int highest = u.ackedTitle + (u.titleInFlight ? 1 : 0);
        assertThat(title).as(what + ": title counter after %d acknowledged changes", u.ackedTitle)
                .isBetween(u.ackedTitle, highest);
        // One History entry for the create and one per title change that took effect: never a change
        // without its entry, nor an entry without its change.
        assertThat(admin.history(u.id)).as(what + ": History entries").hasSize(1 + title);
    }

    private static void verifyMember(ScimHttp scim, TrackTikAdmin admin, Member m, String context) {
        JsonNode group = scim.get("/Groups/" + m.groupId + "?attributes=members");
        boolean present = false;
        for (JsonNode member : group.path("members")) {
            present |= m.id.equals(member.path("value").asText());
        }
        String what = context + ": member " + m.id + " of " + m.groupId;
        if (present != m.ackedMember) {
            assertThat(m.toggleInFlight).as(what + ": membership differs from the last acknowledged change ("
                    + (m.ackedMember ? "added" : "removed") + ") with no change in flight").isTrue();
        }
        int applied = m.ackedToggles + (present != m.ackedMember ? 1 : 0);
        assertThat(admin.history(m.id)).as(what + ": History entries after %d membership changes", applied)
                .hasSize(1 + applied);
    }
}
