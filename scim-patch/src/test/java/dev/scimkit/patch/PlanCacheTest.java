package dev.scimkit.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.message.PatchRequest;
import org.junit.jupiter.api.Test;

import static dev.scimkit.patch.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine's plan cache gives the plan that planning would give, for requests equal member order included. */
class PlanCacheTest {

    @Test
    void theSameRequestGetsTheSamePlanAndAnotherEngineItsOwn() {
        PatchEngine engine = PatchEngine.builder().build();
        PatchRequest first = ops("[{'op':'replace','value':{'active':false}}]");
        PatchRequest again = ops("[{'op':'replace','value':{'active':false}}]");
        assertThat(engine.plan(USER, again)).isSameAs(engine.plan(USER, first));
        assertThat(PatchEngine.builder().build().plan(USER, again)).isNotSameAs(engine.plan(USER, first));
        assertThat(engine.plan(GROUP, ops("[{'op':'replace','value':{'displayName':'x'}}]")))
                .isNotSameAs(engine.plan(USER, ops("[{'op':'replace','value':{'displayName':'x'}}]")));
    }

    @Test
    void keyOrderIsPartOfTheRequestBecauseItIsTheOrderOperationsRunIn() {
        PatchEngine engine = PatchEngine.builder().build();
        String givenThenDotted = "[{'op':'replace','value':{'name':{'givenName':'A'},'name.givenName':'B'}}]";
        String dottedThenGiven = "[{'op':'replace','value':{'name.givenName':'B','name':{'givenName':'A'}}}]";
        assertThat(json(givenThenDotted)).as("equal to Jackson").isEqualTo(json(dottedThenGiven));
        ObjectNode user = user("{}");
        assertThat(engine.plan(USER, ops(givenThenDotted)).apply(user).resource().at("/name/givenName").asText()).isEqualTo("B");
        assertThat(engine.plan(USER, ops(dottedThenGiven)).apply(user).resource().at("/name/givenName").asText()).isEqualTo("A");
    }

    @Test
    void valuesCompareByExactTypeAndMemberOrder() {
        assertThat(PlanCache.same(json("{'a':1,'b':[true,'x']}"), json("{'a':1,'b':[true,'x']}"))).isTrue();
        assertThat(PlanCache.same(json("{'a':1,'b':2}"), json("{'b':2,'a':1}"))).isFalse();
        assertThat(PlanCache.same(json("1"), ScimJson.nodes().numberNode(1L))).isFalse();
        assertThat(PlanCache.same(json("{'a':[1]}"), json("{'a':[1,2]}"))).isFalse();
    }

    @Test
    void changingARequestAfterPlanningItChangesNoCachedPlan() {
        PatchEngine engine = PatchEngine.builder().build();
        PatchRequest request = ops("[{'op':'replace','value':{'nickName':'Bab'}}]");
        engine.plan(USER, request);
        ((ObjectNode) request.operations().get(0).value().orElseThrow()).put("nickName", "Changed");
        ObjectNode user = user("{}");
        assertThat(engine.plan(USER, ops("[{'op':'replace','value':{'nickName':'Bab'}}]")).apply(user).resource()
                .get("nickName").asText()).isEqualTo("Bab");
        assertThat(engine.plan(USER, request).apply(user).resource().get("nickName").asText()).isEqualTo("Changed");
    }

    @Test
    void aLargeRequestIsPlannedEveryTimeNotKept() {
        PatchEngine engine = PatchEngine.builder().build();
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < PlanCache.MAX_NODES; i++) {
            members.append(i == 0 ? "" : ",").append("{'value':'m").append(i).append("'}");
        }
        String body = "[{'op':'add','path':'members','value':[" + members + "]}]";
        assertThat(engine.plan(GROUP, ops(body))).isNotSameAs(engine.plan(GROUP, ops(body)));
    }

    /**
     * Requests whose hashes collide ("Aa" and "BB" have the same String hash) are still different
     * requests: each gets the plan of its own values, in scalars and inside objects and arrays.
     */
    @Test
    void requestsWhoseHashesCollideGetTheirOwnPlans() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        PatchEngine engine = PatchEngine.builder().build();
        ObjectNode user = user("{}");
        assertThat(engine.plan(USER, ops("[{'op':'replace','path':'nickName','value':'Aa'}]")).apply(user).resource()
                .get("nickName").asText()).isEqualTo("Aa");
        assertThat(engine.plan(USER, ops("[{'op':'replace','path':'nickName','value':'BB'}]")).apply(user).resource()
                .get("nickName").asText()).isEqualTo("BB");
        assertThat(engine.plan(USER, ops("[{'op':'replace','value':{'nickName':'Aa'}}]")).apply(user).resource()
                .get("nickName").asText()).isEqualTo("Aa");
        assertThat(engine.plan(USER, ops("[{'op':'replace','value':{'nickName':'BB'}}]")).apply(user).resource()
                .get("nickName").asText()).isEqualTo("BB");
        assertThat(engine.plan(USER, ops("[{'op':'add','path':'emails','value':[{'value':'Aa'}]}]")).apply(user).resource()
                .at("/emails/0/value").asText()).isEqualTo("Aa");
        assertThat(engine.plan(USER, ops("[{'op':'add','path':'emails','value':[{'value':'BB'}]}]")).apply(user).resource()
                .at("/emails/0/value").asText()).isEqualTo("BB");
        assertThat(PlanCache.same(json("'Aa'"), json("'BB'"))).isFalse();
        assertThat(PlanCache.same(json("{'v':'Aa'}"), json("{'v':'BB'}"))).isFalse();
        assertThat(PlanCache.same(json("{'Aa':1}"), json("{'BB':1}"))).isFalse();
    }
}
