package dev.scimkit.tracktik.jdbc;

import dev.scimkit.server.activity.ActivityCursor;
import dev.scimkit.server.activity.ActivityEntry;
import dev.scimkit.server.activity.ActivityLog;
import dev.scimkit.server.activity.ActivityPage;
import dev.scimkit.server.activity.ActivityQuery;
import dev.scimkit.server.activity.ClientActivity;
import dev.scimkit.server.activity.InMemoryActivityLog;
import dev.scimkit.server.activity.ActivityRetention;
import dev.scimkit.server.activity.LoggedActivity;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Statement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every SQL database must do with activity, checked against the in-memory reference log: the
 * same entries come back for the same query, newest first, page by page, tenants apart; retention
 * drops by age and by the per-tenant cap.
 */
abstract class ActivityLogContract {

    /** A fresh log over the database with this retention. */
    abstract ActivityLog log(ActivityRetention retention);

    /** The database itself, for seeding and {@code EXPLAIN}. */
    abstract DataSource database();

    /** The plan readers of {@link IndexedLookupContract} for this database. */
    abstract IndexedLookupContract plans();

    /** Whether {@code plan} reads rows in the index's order, with no sort of the matching rows. */
    abstract boolean sortsByIndex(String plan);

    /** Whether {@code plan} starts reading the index at a time bound ({@code at_micros <= ?}), not at the newest row. */
    abstract boolean seeksByTime(String plan);

    private final TenantId a = TenantId.of("a-" + UUID.randomUUID());
    private final TenantId b = TenantId.of("b-" + UUID.randomUUID());

    private List<ActivityEntry> sample(Instant start, int n, long seed) {
        Random random = new Random(seed);
        List<ActivityEntry> out = new ArrayList<>();
        String[] clients = {"entra-prod", "okta-prod"};
        String[] names = {"Ann@Example.com", "Dispatchers", "50%_off", "bob@example.com"};
        for (int i = 0; i < n; i++) {
            int status = random.nextInt(5) == 0 ? 400 + random.nextInt(10) : 200;
            // Several entries share a microsecond: ids order them.
            ActivityEntry.Builder e = ActivityEntry.builder(start.plusNanos(1_000L * (i / 3)),
                            random.nextBoolean() ? a : b, clients[random.nextInt(2)], "PATCH", "/Users/" + i)
                    .resourceType("User").operation("updated user").status(status).durationMicros(random.nextInt(5000))
                    .targetId("id-" + random.nextInt(6)).targetDisplay(names[random.nextInt(names.length)]);
            if (status >= 400) {
                e.scimType("invalidValue").detail("bad " + i).requestBody("{\"password\":\"[removed]\"}");
            }
            out.add(e.build());
        }
        return out;
    }

    private static List<ActivityEntry> all(ActivityLog log, Function<ActivityQuery.Builder, ActivityQuery.Builder> query,
                                           TenantId tenant, int pageSize) {
        List<ActivityEntry> out = new ArrayList<>();
        Optional<ActivityCursor> before = Optional.empty();
        do {
            ActivityPage page = log.find(query.apply(ActivityQuery.builder(tenant)).limit(pageSize).before(before).build());
            assertThat(page.entries().size()).isLessThanOrEqualTo(pageSize);
            page.entries().stream().map(LoggedActivity::entry).forEach(out::add);
            before = page.next();
        } while (before.isPresent());
        return out;
    }

    @Test
    void everyQueryAnswersWhatTheReferenceLogAnswers() {
        ActivityLog sql = log(ActivityRetention.DEFAULT);
        InMemoryActivityLog reference = new InMemoryActivityLog(ActivityRetention.DEFAULT);
        Instant start = Instant.parse("2026-11-01T10:00:00.123456Z");
        List<ActivityEntry> entries = sample(start, 240, 42);
        for (int i = 0; i < entries.size(); i += 50) {
            List<ActivityEntry> batch = entries.subList(i, Math.min(entries.size(), i + 50));
            sql.append(batch);
            reference.append(batch);
        }
        List<Function<ActivityQuery.Builder, ActivityQuery.Builder>> queries = List.of(
                q -> q,
                q -> q.failedOnly(true),
                q -> q.client(Optional.of("okta-prod")),
                q -> q.target(Optional.of("ann@")),
                q -> q.target(Optional.of("50%_")),
                q -> q.target(Optional.of("id-3")),
                q -> q.from(Optional.of(start.plusNanos(20_000))).to(Optional.of(start.plusNanos(60_000))),
                q -> q.failedOnly(true).client(Optional.of("entra-prod")).target(Optional.of("dispatch")));
        for (TenantId tenant : List.of(a, b)) {
            for (var query : queries) {
                for (int pageSize : List.of(1, 7, 500)) {
                    List<ActivityEntry> expected = all(reference, query, tenant, pageSize);
                    assertThat(all(sql, query, tenant, pageSize)).isEqualTo(expected);
                    assertThat(expected).allSatisfy(e -> assertThat(e.tenant()).isEqualTo(tenant));
                }
            }
            Instant since = start.plusNanos(30_000);
            assertThat(sql.clients(tenant, since)).containsExactlyElementsOf(reference.clients(tenant, since));
        }
        assertThat(all(sql, q -> q, a, 500)).isNotEmpty();
    }

    @Test
    void retentionDropsOldEntriesThenCapsEachTenant() {
        ActivityLog sql = log(new ActivityRetention(Duration.ofDays(30), 5));
        Instant now = Instant.parse("2026-11-30T00:00:00Z");
        List<ActivityEntry> entries = new ArrayList<>();
        entries.add(ActivityEntry.builder(now.minus(Duration.ofDays(31)), a, "c", "GET", "/old").build());
        for (int i = 0; i < 8; i++) {
            entries.add(ActivityEntry.builder(now.minusSeconds(100 - i), a, "c", "GET", "/a" + i).build());
        }
        entries.add(ActivityEntry.builder(now.minusSeconds(50), b, "c", "GET", "/b").build());
        sql.append(entries);
        // At least this test's four; a shared database may hold other tests' tenants over the cap too.
        assertThat(sql.prune(now)).isGreaterThanOrEqualTo(1 + 3);
        assertThat(all(sql, q -> q, a, 500)).extracting(ActivityEntry::path).containsExactly("/a7", "/a6", "/a5", "/a4", "/a3");
        assertThat(all(sql, q -> q, b, 500)).extracting(ActivityEntry::path).containsExactly("/b");
    }

    /**
     * The first page, a page deep in a large tenant, and the failures read their index and never the
     * whole table: the page costs the same at the first entry and the last (no timing is asserted;
     * the plan is the proof).
     */
    @Test
    void pagesReadAnIndexAtAnyDepth() throws Exception {
        int rows = 20_000;
        Instant start = Instant.parse("2026-11-02T00:00:00Z");
        try (Connection c = database().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tt_activity (tenant, at_micros, client_name, "
                    + "http_method, req_path, operation, http_status, failed, duration_micros) "
                    + "VALUES (?, ?, 'entra', 'GET', '/Users', 'lookup', ?, ?, 100)")) {
                for (int i = 0; i < rows; i++) {
                    ps.setString(1, i % 4 == 0 ? b.value() : a.value());
                    ps.setLong(2, ActivityCursor.micros(start) + i * 1_000L);
                    boolean failed = i % 97 == 0;
                    ps.setInt(3, failed ? 400 : 200);
                    ps.setBoolean(4, failed);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE");
            }
            c.commit();
        }
        RecordingDataSource recording = new RecordingDataSource(database());
        ActivityLog log = JdbcActivityLog.open(recording.dataSource(), ActivityRetention.DEFAULT);
        ActivityPage first = log.find(ActivityQuery.builder(a).limit(50).build());
        ActivityCursor deep = new ActivityCursor(start.plusMillis(100), Long.MAX_VALUE);
        ActivityPage deepPage = log.find(ActivityQuery.builder(a).limit(50).before(Optional.of(deep)).build());
        assertThat(first.entries()).hasSize(50);
        assertThat(deepPage.entries()).hasSize(50);
        assertThat(deepPage.next()).isPresent();
        List<RecordingDataSource.Executed> pages = recording.drain();
        ActivityPage failures = log.find(ActivityQuery.builder(a).failedOnly(true).limit(50).build());
        assertThat(failures.entries()).isNotEmpty().allSatisfy(e -> assertThat(e.entry().failed()).isTrue());
        List<RecordingDataSource.Executed> failed = recording.drain();
        IndexedLookupContract plans = plans();
        try (Connection c = database().getConnection()) {
            assertThat(pages).hasSize(2);
            assertThat(seeksByTime(plans.explain(c, pages.get(1).sql(), pages.get(1).parameters()))).isTrue();
            for (RecordingDataSource.Executed e : pages) {
                String plan = backwardAsForward(plans.explain(c, e.sql(), e.parameters()));
                assertThat(plans.readsThroughIndex(plan, "tt_activity", "ix_activity_tenant_time")).as(plan).isTrue();
                assertThat(plans.scansTable(plan, "tt_activity")).as(plan).isFalse();
                assertThat(sortsByIndex(plan)).as(plan).isTrue();
            }
            for (RecordingDataSource.Executed e : failed) {
                String plan = backwardAsForward(plans.explain(c, e.sql(), e.parameters()));
                assertThat(plans.readsThroughIndex(plan, "tt_activity", "ix_activity_tenant_failed_time")).as(plan).isTrue();
                assertThat(plans.scansTable(plan, "tt_activity")).as(plan).isFalse();
                assertThat(sortsByIndex(plan)).as(plan).isTrue();
            }
        }
    }

    /** Newest first reads an index backwards, which PostgreSQL says as "Index Scan Backward using". */
    private static String backwardAsForward(String plan) {
        return plan.replace("Index Scan Backward using", "Index Scan using")
                .replace("Index Only Scan Backward using", "Index Only Scan using");
    }

    /** Names with LIKE's wildcards and its escape character are found as text, not as patterns. */
    @Test
    void wildcardsInATargetAreText() {
        ActivityLog sql = log(ActivityRetention.DEFAULT);
        List<String> names = List.of("100%", "a_b", "x!y");
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < names.size(); i++) {
            sql.append(List.of(ActivityEntry.builder(t.plusSeconds(i), a, "c", "GET", "/" + i).targetDisplay(names.get(i)).build()));
        }
        sql.append(List.of(ActivityEntry.builder(t.plusSeconds(9), a, "c", "GET", "/plain").targetDisplay("1000 axbx!!y").build()));
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            assertThat(all(sql, q -> q.target(Optional.of(name)), a, 10)).extracting(ActivityEntry::path)
                    .containsExactly("/" + i);
        }
    }

    /**
     * A batch the database refuses part-way is kept whole or not at all: the recorder counts the whole
     * batch as lost, so a row kept from it would be in History and counted as missing. The error names
     * the SQLState, never the refused values (a driver's message may quote them).
     */
    @Test
    void aBatchTheDatabaseRefusesPartWayLeavesNoRow() throws Exception {
        String poison = "/poison-" + UUID.randomUUID();
        String constraint = "ck_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        try (Connection c = database().getConnection(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE tt_activity ADD CONSTRAINT " + constraint + " CHECK (req_path <> '" + poison + "')");
            commitUnlessAutoCommit(c);
        }
        try (Connection lent = database().getConnection()) {
            // From the pool (auto-commit off, which the pool rolls back on return) and lent for good in auto-commit.
            ActivityLog pooled = log(ActivityRetention.DEFAULT);
            ActivityLog onLent = JdbcActivityLog.open(lending(lent), ActivityRetention.DEFAULT);
            lent.setAutoCommit(true);
            Instant t = Instant.parse("2026-11-01T00:00:00Z");
            for (ActivityLog sql : List.of(pooled, onLent)) {
                List<ActivityEntry> batch = List.of(
                        ActivityEntry.builder(t, a, "c", "GET", "/before").build(),
                        ActivityEntry.builder(t.plusSeconds(1), a, "c", "GET", poison).detail("secret-ish value").build(),
                        ActivityEntry.builder(t.plusSeconds(2), a, "c", "GET", "/after").build());
                assertThatThrownBy(() -> sql.append(batch)).isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("Could not append to the activity log (SQLState ")
                        .hasMessageNotContaining(poison).hasMessageNotContaining("secret-ish");
                assertThat(all(pooled, q -> q, a, 500)).as("nothing of the refused batch").isEmpty();
            }
            pooled.append(List.of(ActivityEntry.builder(t.plusSeconds(3), a, "c", "GET", "/next").build()));
            assertThat(all(pooled, q -> q, a, 500)).extracting(ActivityEntry::path).containsExactly("/next");
        } finally {
            try (Connection c = database().getConnection(); Statement st = c.createStatement()) {
                st.execute("ALTER TABLE tt_activity DROP CONSTRAINT " + constraint);
                commitUnlessAutoCommit(c);
            }
        }
    }

    private static void commitUnlessAutoCommit(Connection c) throws java.sql.SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    /**
     * A data source that lends one connection for good (a single-connection data source, a test
     * harness, a pool that does not reset state) gets it back in the auto-commit mode it was lent in:
     * left in a transaction, the embedding application's next statements would wait for a commit that
     * never comes; left in auto-commit, its own transaction would be cut into pieces.
     */
    @Test
    void aLentConnectionIsHandedBackAsItWasLent() throws Exception {
        try (Connection shared = database().getConnection()) {
            ActivityLog log = JdbcActivityLog.open(lending(shared), ActivityRetention.DEFAULT);
            Instant t = Instant.parse("2026-11-01T00:00:00Z");
            for (boolean autoCommit : new boolean[] {true, false}) {
                shared.setAutoCommit(autoCommit);
                log.append(List.of(ActivityEntry.builder(t, a, "c", "GET", "/" + autoCommit).build()));
                assertThat(shared.getAutoCommit()).as("lent with autoCommit " + autoCommit).isEqualTo(autoCommit);
            }
            assertThat(all(log(ActivityRetention.DEFAULT), q -> q, a, 500)).as("both appends committed").hasSize(2);
        }
    }

    /** A data source that lends {@code c} for every request and never closes it. */
    private static DataSource lending(Connection c) {
        return (DataSource) Proxy.newProxyInstance(ActivityLogContract.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return unclosable(c);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Connection unclosable(Connection c) {
        return (Connection) Proxy.newProxyInstance(ActivityLogContract.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Text longer than its column is cut to the column with an ellipsis; text that fits is kept whole. */
    @Test
    void textIsCutToItsColumnOnlyWhenLonger() {
        ActivityLog sql = log(ActivityRetention.DEFAULT);
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        String fits = "n".repeat(399) + "é";
        String tooLong = "m".repeat(401);
        sql.append(List.of(ActivityEntry.builder(t, a, "c", "GET", "/fits").targetDisplay(fits).build(),
                ActivityEntry.builder(t.plusSeconds(1), a, "c", "GET", "/long").targetDisplay(tooLong).build()));
        List<ActivityEntry> stored = all(sql, q -> q, a, 500);
        assertThat(stored.get(1).targetDisplay()).contains(fits);
        assertThat(stored.get(0).targetDisplay()).contains("m".repeat(399) + "…");
    }
}
