package dev.scimkit.server.toolkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.server.spi.TenantId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The smallest honest {@link ResourceRecords}: trees in a map per tenant, in creation order, copies
 * out. It counts full scans, so tests can tell a lookup from a scan.
 */
public final class MapRecords implements ResourceRecords {

    private final Map<TenantId, LinkedHashMap<String, ObjectNode>> tenants = new ConcurrentHashMap<>();
    final AtomicInteger scans = new AtomicInteger();
    /** Called before every write: a test's way to fail a store part-way through a transaction. */
    volatile Runnable beforeWrite = () -> { };

    /** Everything stored, copied: a transaction's snapshot to restore. */
    synchronized Map<TenantId, LinkedHashMap<String, ObjectNode>> snapshot() {
        Map<TenantId, LinkedHashMap<String, ObjectNode>> copy = new ConcurrentHashMap<>();
        tenants.forEach((t, rows) -> copy.put(t, new LinkedHashMap<>(rows)));
        return copy;
    }

    synchronized void restore(Map<TenantId, LinkedHashMap<String, ObjectNode>> snapshot) {
        tenants.clear();
        tenants.putAll(snapshot);
    }

    private synchronized LinkedHashMap<String, ObjectNode> of(TenantId tenant) {
        return tenants.computeIfAbsent(tenant, t -> new LinkedHashMap<>());
    }

    @Override
    public synchronized Optional<ObjectNode> find(TenantId tenant, String id) {
        return Optional.ofNullable(of(tenant).get(id)).map(ObjectNode::deepCopy);
    }

    @Override
    public synchronized List<ObjectNode> list(TenantId tenant) {
        scans.incrementAndGet();
        List<ObjectNode> out = new ArrayList<>();
        of(tenant).values().forEach(r -> out.add(r.deepCopy()));
        return out;
    }

    @Override
    public synchronized void insert(TenantId tenant, ObjectNode resource) {
        beforeWrite.run();
        String id = resource.path("id").asText();
        if (of(tenant).putIfAbsent(id, resource) != null) {
            throw new IllegalStateException("id " + id + " is taken");
        }
    }

    @Override
    public synchronized void update(TenantId tenant, ObjectNode resource) {
        beforeWrite.run();
        String id = resource.path("id").asText();
        if (of(tenant).replace(id, resource) == null) {
            throw new IllegalStateException("no resource " + id);
        }
    }

    @Override
    public synchronized void delete(TenantId tenant, String id) {
        beforeWrite.run();
        of(tenant).remove(id);
    }
}
