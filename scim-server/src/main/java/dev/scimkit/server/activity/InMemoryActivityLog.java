package dev.scimkit.server.activity;

import dev.scimkit.server.spi.TenantId;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reference {@link ActivityLog}: each tenant's entries in memory, oldest dropped first when the
 * tenant reaches its cap, entries past their age dropped by {@link #prune}. Lost on restart.
 */
public final class InMemoryActivityLog implements ActivityLog {

    private final ActivityRetention retention;
    private final Map<TenantId, Deque<LoggedActivity>> byTenant = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** A log that keeps what {@code retention} allows. */
    public InMemoryActivityLog(ActivityRetention retention) {
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    @Override
    public void append(List<ActivityEntry> entries) {
        for (ActivityEntry entry : entries) {
            Deque<LoggedActivity> log = byTenant.computeIfAbsent(entry.tenant(), t -> new ArrayDeque<>());
            synchronized (log) {
                log.addLast(new LoggedActivity(ids.incrementAndGet(), entry));
                while (log.size() > retention.maxEntriesPerTenant()) {
                    log.removeFirst();
                }
            }
        }
    }

    @Override
    public ActivityPage find(ActivityQuery query) {
        Deque<LoggedActivity> log = byTenant.get(query.tenant());
        if (log == null) {
            return new ActivityPage(List.of(), java.util.Optional.empty());
        }
        List<LoggedActivity> fetched = new ArrayList<>();
        synchronized (log) {
            for (Iterator<LoggedActivity> it = log.descendingIterator(); it.hasNext() && fetched.size() <= query.limit(); ) {
                LoggedActivity item = it.next();
                if (matches(query, item)) {
                    fetched.add(item);
                }
            }
        }
        fetched.sort(NEWEST_FIRST);
        return ActivityPage.of(fetched, query.limit());
    }

    private static final java.util.Comparator<LoggedActivity> NEWEST_FIRST = java.util.Comparator
            .comparing((LoggedActivity a) -> a.entry().time()).thenComparingLong(LoggedActivity::id).reversed();

    private static boolean matches(ActivityQuery q, LoggedActivity item) {
        ActivityEntry e = item.entry();
        if (q.before().isPresent()) {
            ActivityCursor c = q.before().get();
            int byTime = e.time().compareTo(c.time());
            if (byTime > 0 || byTime == 0 && item.id() >= c.id()) {
                return false;
            }
        }
        if (q.failedOnly() && !e.failed()) {
            return false;
        }
        if (q.from().isPresent() && e.time().isBefore(q.from().get())
                || q.to().isPresent() && !e.time().isBefore(q.to().get())) {
            return false;
        }
        if (q.client().isPresent() && !q.client().get().equals(e.client())) {
            return false;
        }
        if (q.target().isPresent()) {
            String t = q.target().get();
            boolean byId = e.targetId().map(t::equals).orElse(false);
            boolean byName = e.targetDisplay().map(d -> d.toLowerCase(Locale.ROOT).contains(t.toLowerCase(Locale.ROOT)))
                    .orElse(false);
            return byId || byName;
        }
        return true;
    }

    @Override
    public List<ClientActivity> clients(TenantId tenant, Instant since) {
        Deque<LoggedActivity> log = byTenant.get(tenant);
        if (log == null) {
            return List.of();
        }
        Map<String, Instant> last = new LinkedHashMap<>();
        Map<String, Long> failures = new LinkedHashMap<>();
        synchronized (log) {
            for (LoggedActivity item : log) {
                ActivityEntry e = item.entry();
                last.merge(e.client(), e.time(), (a, b) -> a.isAfter(b) ? a : b);
                if (e.failed() && !e.time().isBefore(since)) {
                    failures.merge(e.client(), 1L, Long::sum);
                }
            }
        }
        List<ClientActivity> out = new ArrayList<>();
        last.forEach((client, time) -> out.add(new ClientActivity(client, time, failures.getOrDefault(client, 0L))));
        out.sort(java.util.Comparator.comparing(ClientActivity::client));
        return out;
    }

    @Override
    public long prune(Instant now) {
        Instant oldest = now.minus(retention.maxAge());
        long dropped = 0;
        for (Deque<LoggedActivity> log : byTenant.values()) {
            synchronized (log) {
                while (!log.isEmpty() && log.peekFirst().entry().time().isBefore(oldest)) {
                    log.removeFirst();
                    dropped++;
                }
            }
        }
        return dropped;
    }
}
