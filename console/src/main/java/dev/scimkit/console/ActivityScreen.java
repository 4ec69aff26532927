package dev.scimkit.console;

import dev.scimkit.console.view.ActivityRow;
import dev.scimkit.console.view.ActivityView;
import dev.scimkit.console.view.Frame;
import dev.scimkit.server.activity.ActivityCursor;
import dev.scimkit.server.activity.ActivityEntry;
import dev.scimkit.server.activity.ActivityPage;
import dev.scimkit.server.activity.ActivityQuery;
import dev.scimkit.server.activity.ClientActivity;
import dev.scimkit.server.activity.LoggedActivity;
import dev.scimkit.server.spi.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The activity page: one tenant's requests, newest first, filtered and paged by keyset. */
final class ActivityScreen {

    private static final int PAGE = 50;
    private static final int MIN_PAGE = 10;
    private static final int MAX_PAGE = 200;

    private final ConsoleSettings settings;

    ActivityScreen(ConsoleSettings settings) {
        this.settings = settings;
    }

    ActivityView show(TenantId tenant, Frame frame, Links links, Params params) {
        boolean failed = params.get("failed").equals("1");
        String client = params.get("client");
        String target = params.get("target");
        String fromText = params.get("from");
        String toText = params.get("to");
        Optional<String> problem = Optional.empty();
        Optional<Instant> from = Optional.empty();
        Optional<Instant> to = Optional.empty();
        try {
            from = Times.parseLocal("From", fromText);
            to = Times.parseLocal("To", toText);
        } catch (ConsoleException e) {
            problem = Optional.of(e.getMessage() + "; the time range is ignored.");
        }
        Optional<ActivityCursor> before = ActivityCursor.parse(params.get("before"));
        int limit = pageSize(params.get("limit"));
        ActivityPage page = settings.activity().find(ActivityQuery.builder(tenant)
                .failedOnly(failed).from(from).to(to).target(Optional.of(target)).client(Optional.of(client))
                .before(before).limit(limit).build());
        Map<String, String> filters = Links.params("failed", failed ? "1" : "", "client", client, "target", target,
                "from", fromText, "to", toText, "limit", limit == PAGE ? "" : String.valueOf(limit));
        Optional<String> next = page.next().map(c -> {
            Map<String, String> p = new java.util.LinkedHashMap<>(filters);
            p.put("before", c.text());
            return links.withQuery("activity", p);
        });
        Optional<String> first = before.map(b -> links.withQuery("activity", filters));
        TreeSet<String> clients = new TreeSet<>();
        settings.tenant(tenant).ifPresent(t -> t.tokens().forEach(h -> clients.add(h.client())));
        settings.activity().clients(tenant, settings.clock().instant().minus(Duration.ofDays(30)))
                .stream().map(ClientActivity::client).forEach(clients::add);
        return new ActivityView(frame, failed, client, target, fromText, toText, java.util.List.copyOf(clients),
                page.entries().stream().map(e -> row(e, links)).toList(), next, first, problem);
    }

    /** The page size a {@code limit} parameter asks for, kept within 10 to 200; 50 otherwise. */
    private static int pageSize(String text) {
        try {
            return Math.max(MIN_PAGE, Math.min(MAX_PAGE, Integer.parseInt(text)));
        } catch (NumberFormatException e) {
            return PAGE;
        }
    }

    static ActivityRow row(LoggedActivity logged, Links links) {
        ActivityEntry e = logged.entry();
        Optional<String> url = e.targetId().flatMap(id -> e.resourceType().flatMap(type -> switch (type) {
            case "User" -> Optional.of(links.employee(id));
            case "Group" -> Optional.of(links.role(id));
            default -> Optional.empty();
        }));
        String target = e.targetDisplay().or(e::targetId).orElse("");
        return new ActivityRow(Times.show(e.time()), e.time().toString(), e.client() + "@" + e.tenant(), e.operation(),
                target, url, e.status(), e.failed(), e.scimType().orElse(""), e.detail().orElse(""),
                String.format(Locale.ROOT, "%.1f ms", e.durationMicros() / 1000.0), e.requestBody(), e.method(), e.path());
    }
}
