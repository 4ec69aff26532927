package dev.scimkit.tracktik.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.server.toolkit.ResourceRecords;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The resources of one declared resource type, kept whole as JSON in {@code tt_document}
 * ({@code V6__resource_documents.sql}). The repository toolkit does the SCIM part around it; this
 * class only reads and writes rows, on the connection of the {@link DocumentTransactions} in progress,
 * or in a read transaction of its own for the reads the toolkit makes outside one.
 */
final class DocumentRecords implements ResourceRecords {

    private final DocumentTransactions transactions;
    private final String resourceType;

    DocumentRecords(DocumentTransactions transactions, String resourceType) {
        this.transactions = transactions;
        this.resourceType = resourceType;
    }

    @Override
    public Optional<ObjectNode> find(TenantId tenant, String id) {
        return transactions.onConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT scim_json FROM tt_document WHERE tenant = ? AND resource_type = ? AND id = ?")) {
                bindTenantAndType(ps, tenant);
                ps.setString(3, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(tree(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<ObjectNode> list(TenantId tenant) {
        return transactions.onConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT scim_json FROM tt_document WHERE tenant = ? AND resource_type = ? ORDER BY seq")) {
                bindTenantAndType(ps, tenant);
                List<ObjectNode> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(tree(rs.getString(1)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void insert(TenantId tenant, ObjectNode resource) {
        transactions.onConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO tt_document (tenant, resource_type, id, scim_json) VALUES (?, ?, ?, ?)")) {
                bindTenantAndType(ps, tenant);
                ps.setString(3, id(resource));
                ps.setString(4, text(resource));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void update(TenantId tenant, ObjectNode resource) {
        int updated = transactions.onConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE tt_document SET scim_json = ? WHERE tenant = ? AND resource_type = ? AND id = ?")) {
                ps.setString(1, text(resource));
                ps.setString(2, tenant.value());
                ps.setString(3, resourceType);
                ps.setString(4, id(resource));
                return ps.executeUpdate();
            }
        });
        if (updated != 1) {
            // The toolkit read it in this transaction under the type's lock: a missing row is a bug.
            throw new IllegalStateException("No " + resourceType + " " + id(resource) + " to update");
        }
    }

    @Override
    public void delete(TenantId tenant, String id) {
        transactions.onConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM tt_document WHERE tenant = ? AND resource_type = ? AND id = ?")) {
                bindTenantAndType(ps, tenant);
                ps.setString(3, id);
                return ps.executeUpdate();
            }
        });
    }

    private void bindTenantAndType(PreparedStatement ps, TenantId tenant) throws SQLException {
        ps.setString(1, tenant.value());
        ps.setString(2, resourceType);
    }

    private static String id(ObjectNode resource) {
        JsonNode id = resource.get("id");
        if (id == null || !id.isTextual()) {
            throw new IllegalArgumentException("A stored resource has an id");
        }
        return id.asText();
    }

    private static String text(ObjectNode resource) {
        return new String(ScimJson.write(resource), StandardCharsets.UTF_8);
    }

    private static ObjectNode tree(String json) {
        return ScimJson.parseObject(json.getBytes(StandardCharsets.UTF_8));
    }
}
