package dev.scimkit.server.memory;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The membership bookkeeping of one tenant: which groups list a member. */
class TenantDataTest {

    @Test
    void groupReferencesAreEqualOnlyForTheSameTypeAndIdEvenWhenTheirHashesCollide() {
        // "Aa" and "BB" have the same String hash: the set must still tell the two groups apart
        TenantData.GroupRef aa = new TenantData.GroupRef("group", "Aa");
        TenantData.GroupRef bb = new TenantData.GroupRef("group", "BB");
        assertThat(aa.hashCode()).isEqualTo(bb.hashCode());
        assertThat(aa).isNotEqualTo(bb);
        assertThat(aa).isEqualTo(new TenantData.GroupRef("group", "Aa"));
        assertThat(aa).isNotEqualTo(new TenantData.GroupRef("team", "Aa"));
        assertThat(aa).isNotEqualTo("Aa");
        Set<TenantData.GroupRef> set = new HashSet<>(Set.of(aa, bb));
        assertThat(set).hasSize(2);
    }

    @Test
    void aMemberKeepsItsOtherGroupsWhenItLeavesOne() {
        TenantData data = new TenantData();
        TenantData.GroupRef first = new TenantData.GroupRef("group", "g1");
        TenantData.GroupRef second = new TenantData.GroupRef("group", "g2");
        data.addMembership("u1", first);
        data.addMembership("u1", second);
        data.removeMembership("u1", first);
        assertThat(data.groupsOfMember.get("u1")).containsExactly(second);
        data.removeMembership("u1", second);
        assertThat(data.groupsOfMember).doesNotContainKey("u1");
        data.removeMembership("u9", second); // a member in no group: nothing to do
        assertThat(data.groupsOfMember).isEmpty();
    }
}
