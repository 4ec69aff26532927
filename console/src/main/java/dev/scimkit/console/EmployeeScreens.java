package dev.scimkit.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.scimkit.console.view.ChangeRow;
import dev.scimkit.console.view.EmployeeRow;
import dev.scimkit.console.view.EmployeeView;
import dev.scimkit.console.view.EmployeesView;
import dev.scimkit.console.view.Frame;
import dev.scimkit.console.view.HistoryRow;
import dev.scimkit.console.view.Pager;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.filter.Filters;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.server.activity.SecretRedactor;
import dev.scimkit.server.spi.Projection;
import dev.scimkit.server.spi.SearchQuery;
import dev.scimkit.server.spi.SearchResult;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.domain.Employee;
import dev.scimkit.tracktik.domain.EmployeeProfile;
import dev.scimkit.tracktik.domain.HistoryEntry;
import dev.scimkit.tracktik.domain.RoleRef;
import dev.scimkit.tracktik.port.EmployeeRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The employee search and an employee's page. The search is a SCIM filter run through the User
 * repository, so it is pushed down to the store exactly as an identity provider's lookups are.
 */
final class EmployeeScreens {

    private static final int PAGE = 25;

    private final ConsoleSettings settings;

    EmployeeScreens(ConsoleSettings settings) {
        this.settings = settings;
    }

    EmployeesView search(TenantId tenant, Frame frame, Links links, Params params) {
        String text = params.get("q");
        String status = params.get("status");
        long offset = params.offset();
        Optional<String> problem = Optional.empty();
        SearchResult result;
        try {
            Optional<Filter> filter = filter(text, status).map(Filters::parse);
            result = settings.users().search(tenant, new SearchQuery(filter, Optional.empty(),
                    (int) Math.min(offset + 1, Integer.MAX_VALUE), PAGE, Projection.DEFAULT));
        } catch (ScimException e) {
            problem = Optional.of("This search cannot run: " + e.detail());
            result = SearchResult.empty();
        }
        List<EmployeeRow> rows = new ArrayList<>();
        result.resources().forEach(r -> settings.store().findEmployee(tenant, r.path("id").asText())
                .ifPresent(record -> rows.add(row(record, links))));
        Map<String, String> query = Links.params("q", text, "status", status);
        Pager pager = pager(links, links.page("employees"), query, offset, rows.size(), result.totalResults());
        return new EmployeesView(frame, text, status, rows, pager, problem);
    }

    /** {@code userName co "x" or name.givenName co "x" or …}, with the text quoted as a SCIM string. */
    private Optional<String> filter(String text, String status) {
        List<String> parts = new ArrayList<>();
        if (!text.isEmpty()) {
            String q = "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            parts.add("(userName co " + q + " or name.givenName co " + q + " or name.familyName co " + q
                    + " or " + settings.employeeIdAttribute() + " eq " + q + ")");
        }
        if (status.equals("active") || status.equals("inactive")) {
            parts.add("active eq " + status.equals("active"));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", parts));
    }

    EmployeeView employee(TenantId tenant, String scimId, Frame frame, Links links) {
        List<HistoryRow> history = new ArrayList<>();
        for (HistoryEntry h : settings.store().history(tenant, scimId)) {
            history.add(0, new HistoryRow(Times.show(h.at()), h.actor().display(), h.action().name(),
                    h.changes().stream().map(c -> new ChangeRow(c.field(), c.oldValue(), c.newValue(), c.note())).toList()));
        }
        Optional<EmployeeRecord> live = settings.store().findEmployee(tenant, scimId);
        if (live.isEmpty()) {
            if (history.isEmpty()) {
                throw ConsoleException.notFound("There is no employee with this id in your portal.");
            }
            // Deleted by SCIM: archived in TrackTik, its History kept, so the page still answers "what happened".
            EmployeeRow archived = new EmployeeRow(links.employee(scimId), "Archived employee", "", "", "", "ARCHIVED",
                    List.of());
            return new EmployeeView(frame.withTitle("Archived employee"), archived, scimId, "", "", history, "",
                    links.withQuery("activity", Links.params("target", scimId)));
        }
        EmployeeRecord record = live.get();
        EmployeeProfile p = record.employee().profile();
        return new EmployeeView(frame.withTitle(fullName(p)), row(record, links), scimId, p.email(), p.jobTitle(), history,
                pretty(record), links.withQuery("activity", Links.params("target", scimId)));
    }

    static EmployeeRow row(EmployeeRecord record, Links links) {
        Employee e = record.employee();
        EmployeeProfile p = e.profile();
        return new EmployeeRow(links.employee(record.scimId()), fullName(p), record.link().name(), p.customId(),
                p.region().name(), p.status().name(), e.roles().stream().map(RoleRef::name).toList());
    }

    private static String fullName(EmployeeProfile p) {
        String name = (p.firstName() + " " + p.lastName()).trim();
        return name.isEmpty() ? "(no name)" : name;
    }

    private static String pretty(EmployeeRecord record) {
        try {
            return ScimJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(SecretRedactor.scrub(record.link().resource()));
        } catch (JsonProcessingException e) {
            return "(the stored resource could not be shown)";
        }
    }

    static Pager pager(Links links, String path, Map<String, String> query, long offset, int shown, long total) {
        Optional<String> prev = Optional.empty();
        if (offset > 0) {
            Map<String, String> p = new java.util.LinkedHashMap<>(query);
            p.put("offset", String.valueOf(Math.max(0, offset - PAGE)));
            prev = Optional.of(links.at(path, p));
        }
        Optional<String> next = Optional.empty();
        if (offset + PAGE < total) {
            Map<String, String> p = new java.util.LinkedHashMap<>(query);
            p.put("offset", String.valueOf(offset + PAGE));
            next = Optional.of(links.at(path, p));
        }
        return new Pager(shown == 0 ? 0 : offset + 1, offset + shown, total, prev, next);
    }

    static int pageSize() {
        return PAGE;
    }
}
