package dev.scimkit.tracktik.mapping;

import dev.scimkit.tracktik.domain.RoleRef;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PriorityRolePolicyTest {

    private static List<RoleRef> roles(String... names) {
        List<RoleRef> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            out.add(new RoleRef(Integer.toString(i + 1), names[i], "g" + i));
        }
        return out;
    }

    @Test
    void thePriorityListWinsIgnoringCaseAndUnlistedRolesFallBackToTheEarliest() {
        RolePolicy policy = PriorityRolePolicy.builder().priority(List.of(" supervisor ", "DISPATCHER", "")).build();
        assertThat(policy.decide(Optional.empty(), roles("Guard", "Dispatcher", "Supervisor")))
                .isEqualTo(RoleDecision.hold("Supervisor", "priority"));
        assertThat(policy.decide(Optional.of("Guard"), roles("Guard", "Dispatcher")))
                .isEqualTo(RoleDecision.hold("Dispatcher", "priority"));
        assertThat(policy.decide(Optional.of("Guard"), roles("Dispatcher", "Guard")))
                .isEqualTo(RoleDecision.hold("Dispatcher", "priority"));
        assertThat(policy.decide(Optional.empty(), roles("Patrol", "Guard")))
                .isEqualTo(RoleDecision.hold("Patrol", "earliest assignment"));
        assertThat(policy.decide(Optional.empty(), roles("Guard"))).isEqualTo(RoleDecision.hold("Guard", "only group"));
    }

    @Test
    void theLastGroupGoneKeepsTheRoleOrGivesTheDefaultAndNoneStaysNone() {
        RolePolicy keep = RolePolicy.trackTikDefault();
        assertThat(keep.decide(Optional.of("Guard"), List.of())).isEqualTo(RoleDecision.keep("Guard", "kept: last group removed"));
        assertThat(keep.decide(Optional.empty(), List.of())).isEqualTo(RoleDecision.none());
        RolePolicy fallback = PriorityRolePolicy.builder().defaultRole(" Visitor ").build();
        assertThat(fallback.decide(Optional.of("Guard"), List.of()))
                .isEqualTo(RoleDecision.hold("Visitor", "default role: last group removed"));
        assertThat(fallback.decide(Optional.of("visitor"), List.of()).role()).contains("visitor");
    }

    @Test
    void aDecisionSaysWhatHistoryRecords() {
        assertThat(RoleDecision.hold("B", "priority").historyChange(Optional.of("A")))
                .hasValueSatisfying(c -> assertThat(c.toString()).isEqualTo("role: \"A\" -> \"B\" (priority)"));
        assertThat(RoleDecision.hold("A", "only group").historyChange(Optional.of("A"))).isEmpty();
        assertThat(RoleDecision.keep("A", "kept: last group removed").historyChange(Optional.of("A")))
                .hasValueSatisfying(c -> assertThat(c.newValue()).isEqualTo("A"));
        assertThat(RoleDecision.none().historyChange(Optional.empty())).isEmpty();
    }

    /** Whatever the list: one of the groups' roles while there are groups, and never none once one was held. */
    @Property
    void theHeldRoleIsAGroupsRoleAndNeverGoesBackToNone(@ForAll @Size(max = 6) List<@IntRange(max = 7) Integer> groups,
                                                       @ForAll @Size(max = 4) List<@IntRange(max = 7) Integer> priority,
                                                       @ForAll Optional<@IntRange(max = 7) Integer> held) {
        List<RoleRef> memberships = new ArrayList<>();
        groups.stream().distinct().forEach(g -> memberships.add(new RoleRef(g.toString(), "R" + g, "g" + g)));
        RolePolicy policy = PriorityRolePolicy.builder().priority(priority.stream().map(p -> "r" + p).toList()).build();
        RoleDecision d = policy.decide(held.map(h -> "R" + h), memberships);
        if (!memberships.isEmpty()) {
            assertThat(memberships).extracting(RoleRef::name).contains(d.role().orElseThrow());
            int best = memberships.stream().mapToInt(r -> rank(priority, r)).min().orElseThrow();
            assertThat(rank(priority, memberships.stream().filter(r -> r.name().equals(d.role().get())).findFirst()
                    .orElseThrow())).isEqualTo(best);
        } else {
            assertThat(d.role()).isEqualTo(held.map(h -> "R" + h));
        }
    }

    private static int rank(List<Integer> priority, RoleRef role) {
        int i = priority.indexOf(Integer.parseInt(role.id()));
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
