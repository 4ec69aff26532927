package dev.scimkit.tracktik.jdbc;

import dev.scimkit.server.activity.ActivityCursor;
import dev.scimkit.server.activity.ActivityEntry;
import dev.scimkit.server.activity.ActivityLog;
import dev.scimkit.server.activity.ActivityPage;
import dev.scimkit.server.activity.ActivityQuery;
import dev.scimkit.server.activity.ActivityRetention;
import dev.scimkit.server.activity.ClientActivity;
import dev.scimkit.server.activity.LoggedActivity;
import dev.scimkit.server.spi.TenantId;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link ActivityLog} in the TrackTik store's database (H2 or PostgreSQL), in the table
 * {@code tt_activity} that the store's migration {@code V4__activity.sql} creates: open the
 * {@link JdbcTrackTikStore} on the same DataSource first. Pages seek by (time, id) on the index
 * {@code (tenant, at_micros, id)}, so paging costs the same at any depth; "failed only" and a target id
 * have indexes of their own, a part of a name does not (it scans the tenant's rows from the newest).
 * {@link #prune} applies the retention: age first, then the per-tenant cap. Thread-safe.
 */
public final class JdbcActivityLog implements ActivityLog {

    private static final String COLUMNS = "id, tenant, at_micros, client_name, http_method, req_path, resource_type, "
            + "operation, target_id, target_display, http_status, scim_type, detail, duration_micros, request_body";

    private final DataSource dataSource;
    private final ActivityRetention retention;

    private JdbcActivityLog(DataSource dataSource, ActivityRetention retention) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    /** A log in {@code dataSource}'s default schema, where the TrackTik store's migrations ran. */
    public static JdbcActivityLog open(DataSource dataSource, ActivityRetention retention) {
        return new JdbcActivityLog(dataSource, retention);
    }

    @Override
    public void append(List<ActivityEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO tt_activity (tenant, at_micros, client_name, http_method, req_path, resource_type, "
                + "operation, target_id, target_display, http_status, failed, scim_type, detail, duration_micros, "
                + "request_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (ActivityEntry e : entries) {
                    s.setString(1, cut(e.tenant().value(), 255));
                    s.setLong(2, ActivityCursor.micros(e.time()));
                    s.setString(3, cut(e.client(), 255));
                    s.setString(4, cut(e.method(), 16));
                    s.setString(5, cut(e.path(), 600));
                    setOptional(s, 6, e.resourceType(), 64);
                    s.setString(7, cut(e.operation(), 200));
                    setOptional(s, 8, e.targetId(), 400);
                    setOptional(s, 9, e.targetDisplay(), 400);
                    s.setInt(10, e.status());
                    s.setBoolean(11, e.failed());
                    setOptional(s, 12, e.scimType(), 64);
                    setOptional(s, 13, e.detail(), 1100);
                    s.setLong(14, e.durationMicros());
                    setOptional(s, 15, e.requestBody(), 10000);
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure("append to", e);
        }
    }

    @Override
    public ActivityPage find(ActivityQuery q) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM tt_activity a WHERE tenant = ?");
        List<Object> args = new ArrayList<>();
        args.add(q.tenant().value());
        if (q.failedOnly()) {
            sql.append(" AND failed = ?");
            args.add(Boolean.TRUE);
        }
        q.from().ifPresent(from -> {
            sql.append(" AND at_micros >= ?");
            args.add(ActivityCursor.micros(from));
        });
        q.to().ifPresent(to -> {
            sql.append(" AND at_micros < ?");
            args.add(ActivityCursor.micros(to));
        });
        q.client().ifPresent(client -> {
            sql.append(" AND client_name = ?");
            args.add(client);
        });
        q.target().ifPresent(target -> {
            sql.append(" AND (target_id = ? OR LOWER(target_display) LIKE ? ESCAPE '!')");
            args.add(target);
            args.add("%" + likeEscaped(target.toLowerCase(Locale.ROOT)) + "%");
        });
        q.before().ifPresent(before -> {
            // "at_micros <= ?" is the range both databases seek the index by; the rest breaks ties by id.
            sql.append(" AND at_micros <= ? AND (at_micros < ? OR id < ?)");
            long micros = ActivityCursor.micros(before.time());
            args.add(micros);
            args.add(micros);
            args.add(before.id());
        });
        // The tenant leads the ORDER BY (it is one value here) so that it spells the index's order exactly:
        // H2 reads an index in order only for an ORDER BY that is a prefix of it.
        sql.append(" ORDER BY tenant, ").append(q.failedOnly() ? "failed, " : "")
                .append("at_micros DESC, id DESC FETCH FIRST ").append(q.limit() + 1).append(" ROWS ONLY");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            List<LoggedActivity> fetched = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    fetched.add(read(rs));
                }
            }
            return ActivityPage.of(fetched, q.limit());
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    @Override
    public List<ClientActivity> clients(TenantId tenant, Instant since) {
        String sql = "SELECT client_name, MAX(at_micros), SUM(CASE WHEN failed AND at_micros >= ? THEN 1 ELSE 0 END) "
                + "FROM tt_activity WHERE tenant = ? GROUP BY client_name ORDER BY client_name";
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, ActivityCursor.micros(since));
            s.setString(2, tenant.value());
            List<ClientActivity> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new ClientActivity(rs.getString(1), ActivityCursor.ofMicros(rs.getLong(2)), rs.getLong(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    @Override
    public long prune(Instant now) {
        try (Connection c = dataSource.getConnection()) {
            long dropped;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM tt_activity WHERE at_micros < ?")) {
                s.setLong(1, ActivityCursor.micros(now.minus(retention.maxAge())));
                dropped = s.executeUpdate();
            }
            List<String> over = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT tenant FROM tt_activity GROUP BY tenant HAVING COUNT(*) > ?")) {
                s.setLong(1, retention.maxEntriesPerTenant());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        over.add(rs.getString(1));
                    }
                }
            }
            for (String tenant : over) {
                dropped += capTenant(c, tenant);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return dropped;
        } catch (SQLException e) {
            throw failure("prune", e);
        }
    }

    /** Deletes a tenant's rows older than its newest {@code maxEntriesPerTenant}. */
    private long capTenant(Connection c, String tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT at_micros, id FROM tt_activity WHERE tenant = ? "
                + "ORDER BY at_micros DESC, id DESC OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY")) {
            s.setString(1, tenant);
            s.setLong(2, retention.maxEntriesPerTenant() - 1);
            try (ResultSet rs = s.executeQuery()) {
                // No boundary row only if another server pruned the tenant meanwhile: nothing left to cap.
                return rs.next() ? deleteOlderThan(c, tenant, rs.getLong(1), rs.getLong(2)) : 0;
            }
        }
    }

    private static long deleteOlderThan(Connection c, String tenant, long boundaryMicros, long boundaryId)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM tt_activity WHERE tenant = ? "
                + "AND (at_micros < ? OR (at_micros = ? AND id < ?))")) {
            s.setString(1, tenant);
            s.setLong(2, boundaryMicros);
            s.setLong(3, boundaryMicros);
            s.setLong(4, boundaryId);
            return s.executeUpdate();
        }
    }

    private static LoggedActivity read(ResultSet rs) throws SQLException {
        ActivityEntry entry = ActivityEntry.builder(ActivityCursor.ofMicros(rs.getLong("at_micros")),
                        TenantId.of(rs.getString("tenant")), rs.getString("client_name"), rs.getString("http_method"),
                        rs.getString("req_path"))
                .resourceType(rs.getString("resource_type"))
                .operation(rs.getString("operation"))
                .targetId(rs.getString("target_id"))
                .targetDisplay(rs.getString("target_display"))
                .status(rs.getInt("http_status"))
                .scimType(rs.getString("scim_type"))
                .detail(rs.getString("detail"))
                .durationMicros(rs.getLong("duration_micros"))
                .requestBody(rs.getString("request_body"))
                .build();
        return new LoggedActivity(rs.getLong("id"), entry);
    }

    private static void setOptional(PreparedStatement s, int index, Optional<String> value, int max) throws SQLException {
        if (value.isPresent()) {
            s.setString(index, cut(value.get(), max));
        } else {
            s.setNull(index, Types.VARCHAR);
        }
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** The SQLState only: a driver's message may quote the statement's values. */
    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("Could not " + what + " the activity log (SQLState " + e.getSQLState() + ")");
    }
}
