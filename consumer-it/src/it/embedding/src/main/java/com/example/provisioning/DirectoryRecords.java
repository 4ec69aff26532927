package com.example.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.server.toolkit.ResourceRecords;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mapping half of a repository of one's own, for the toolkit: where resources of one type live in
 * the embedding service (here a map per tenant; in a real service its tables, one row per resource).
 * Everything else the contract asks (ids, meta, versions, If-Match, uniqueness, members, search and
 * paging) is {@code RecordRepositories}'.
 */
public final class DirectoryRecords implements ResourceRecords {

    private final Map<TenantId, Map<String, ObjectNode>> tenants = new ConcurrentHashMap<>();

    private Map<String, ObjectNode> rows(TenantId tenant) {
        return tenants.computeIfAbsent(tenant, t -> new LinkedHashMap<>());
    }

    @Override
    public synchronized Optional<ObjectNode> find(TenantId tenant, String id) {
        return Optional.ofNullable(rows(tenant).get(id)).map(ObjectNode::deepCopy);
    }

    @Override
    public synchronized List<ObjectNode> list(TenantId tenant) {
        List<ObjectNode> out = new ArrayList<>();
        rows(tenant).values().forEach(row -> out.add(row.deepCopy()));
        return out;
    }

    @Override
    public synchronized void insert(TenantId tenant, ObjectNode resource) {
        rows(tenant).put(resource.path("id").asText(), resource);
    }

    @Override
    public synchronized void update(TenantId tenant, ObjectNode resource) {
        rows(tenant).put(resource.path("id").asText(), resource);
    }

    @Override
    public synchronized void delete(TenantId tenant, String id) {
        rows(tenant).remove(id);
    }
}
