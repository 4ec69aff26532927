package dev.scimkit.server;

/**
 * The bounds the engine enforces and advertises in {@code /ServiceProviderConfig}.
 *
 * @param defaultPageSize      results per page when a list request gives no {@code count}
 * @param maxPageSize          the largest page; a larger {@code count} is lowered to it (advertised as {@code filter.maxResults})
 * @param maxPayloadBytes      the largest request body; larger is a 413 (advertised as {@code bulk.maxPayloadSize})
 * @param bulkMaxOperations    the most operations of one Bulk request; more is a 413 (advertised as {@code bulk.maxOperations})
 */
public record ServerLimits(int defaultPageSize, int maxPageSize, int maxPayloadBytes, int bulkMaxOperations) {

    /** 100 per page by default, at most 1,000; 4 MiB bodies; 1,000 Bulk operations. PATCH limits are the PatchEngine's. */
    public static final ServerLimits DEFAULT = new ServerLimits(100, 1_000, 4 * 1024 * 1024, 1_000);

    public ServerLimits {
        if (maxPageSize < 1 || defaultPageSize < 0 || defaultPageSize > maxPageSize) {
            throw new IllegalArgumentException("Need 0 <= defaultPageSize <= maxPageSize and maxPageSize >= 1");
        }
        if (maxPayloadBytes < 1024 || bulkMaxOperations < 1) {
            throw new IllegalArgumentException("Limits must be positive (and bodies at least 1 KiB)");
        }
    }

    public ServerLimits withMaxPageSize(int value) {
        return new ServerLimits(Math.min(defaultPageSize, value), value, maxPayloadBytes, bulkMaxOperations);
    }

    public ServerLimits withDefaultPageSize(int value) {
        return new ServerLimits(value, maxPageSize, maxPayloadBytes, bulkMaxOperations);
    }

    public ServerLimits withMaxPayloadBytes(int value) {
        return new ServerLimits(defaultPageSize, maxPageSize, value, bulkMaxOperations);
    }

    public ServerLimits withBulkMaxOperations(int value) {
        return new ServerLimits(defaultPageSize, maxPageSize, maxPayloadBytes, value);
    }
}
