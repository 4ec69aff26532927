package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.message.PatchOperation;
import dev.scimkit.core.message.PatchRequest;
import dev.scimkit.core.schema.ResourceTypeDefinition;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Plans of small requests already seen, by resource type and exact content. The most frequent PATCHes
 * of a provisioning cycle are the same bytes for every user: Okta's deactivate
 * ({@code {"op":"replace","value":{"active":false}}}), Entra ID's disable ({@code "Replace" active
 * "False"}). A {@link PatchPlan} is immutable and depends only on the type and the request, so the
 * second and later of them reuse the first's plan instead of planning again.
 *
 * <p>Requests are compared exactly, member order included (Jackson's own equality ignores it, but a
 * path-less value's key order is the order its operations run in): same operations, paths, value
 * types and values. Only small requests are kept ({@link #MAX_NODES} JSON nodes), so comparing a key
 * never costs more than planning would, and a request carrying a thousand members never sits in memory.
 * Bounded at {@link #MAX_PLANS}: once full it starts over rather than keep an eviction order (member
 * adds, whose ids differ every time, fill it; the repeated shapes come back at once).
 */
final class PlanCache {

    static final int MAX_PLANS = 256;
    static final int MAX_NODES = 64;

    private final ConcurrentHashMap<Key, PatchPlan> plans = new ConcurrentHashMap<>();

    /** The cached plan for this request, or a new one from {@code planner} (kept when the request is small). */
    PatchPlan plan(ResourceTypeDefinition type, PatchRequest request, Supplier<PatchPlan> planner) {
        int hash = hash(request);
        if (hash == UNCACHEABLE) {
            return planner.get();
        }
        Key key = new Key(type, request, hash);
        PatchPlan cached = plans.get(key);
        if (cached != null) {
            return cached;
        }
        PatchPlan planned = planner.get();   // a refused request throws here and is never cached
        if (plans.size() >= MAX_PLANS) {
            plans.clear();
        }
        // the key keeps its own copy: a caller may reuse or change its request's nodes afterwards
        plans.put(new Key(type, copyOf(request), hash), planned);
        return planned;
    }

    private static final int UNCACHEABLE = 0;

    private static PatchRequest copyOf(PatchRequest request) {
        List<PatchOperation> ops = new ArrayList<>(request.operations().size());
        for (PatchOperation op : request.operations()) {
            ops.add(new PatchOperation(op.op(), op.path(), op.value().map(JsonNode::deepCopy)));
        }
        return new PatchRequest(ops);
    }

    /** An order-sensitive hash of the request, or {@link #UNCACHEABLE} when it is too large to keep. */
    private static int hash(PatchRequest request) {
        int[] budget = {MAX_NODES};
        int h = 1;
        for (PatchOperation op : request.operations()) {
            h = 31 * h + op.op().ordinal();
            h = 31 * h + op.path().hashCode();
            if (op.value().isPresent()) {
                h = 31 * h + hash(op.value().get(), budget);
            }
            if (budget[0] < 0) {
                return UNCACHEABLE;
            }
        }
        return h == UNCACHEABLE ? 1 : h;
    }

    private static int hash(JsonNode node, int[] budget) {
        if (--budget[0] < 0) {
            return 0;
        }
        int h = node.getNodeType().ordinal();   // an enum's hashCode is its identity hash: dearer
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext() && budget[0] >= 0; ) {
                Map.Entry<String, JsonNode> e = it.next();
                h = 31 * (31 * h + e.getKey().hashCode()) + hash(e.getValue(), budget);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size() && budget[0] >= 0; i++) {
                h = 31 * h + hash(node.get(i), budget);
            }
        } else {
            h = 31 * h + node.hashCode();
        }
        return h;
    }

    /** Exact equality: same member order, same node classes (an int 1 is not a long 1 nor a 1.0). */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.getClass() != b.getClass() || a.size() != b.size()) {
            return false;
        }
        if (a.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> ia = a.fields();
            Iterator<Map.Entry<String, JsonNode>> ib = b.fields();
            while (ia.hasNext()) {
                Map.Entry<String, JsonNode> ea = ia.next();
                Map.Entry<String, JsonNode> eb = ib.next();
                if (!ea.getKey().equals(eb.getKey()) || !same(ea.getValue(), eb.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private record Key(ResourceTypeDefinition type, PatchRequest request, int hash) {

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(type) + hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.type == type && k.hash == hash && sameOperations(k.request.operations(),
                    request.operations());
        }

        private static boolean sameOperations(List<PatchOperation> a, List<PatchOperation> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                PatchOperation x = a.get(i);
                PatchOperation y = b.get(i);
                if (x.op() != y.op() || !x.path().equals(y.path()) || x.value().isPresent() != y.value().isPresent()
                        || (x.value().isPresent() && !same(x.value().get(), y.value().get()))) {
                    return false;
                }
            }
            return true;
        }
    }
}
