package dev.scimkit.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.scimkit.console.view.ChangeRow;
import dev.scimkit.console.view.Choice;
import dev.scimkit.console.view.EmployeeRow;
import dev.scimkit.console.view.EmployeeView;
import dev.scimkit.console.view.EmployeesView;
import dev.scimkit.console.view.Frame;
import dev.scimkit.console.view.HistoryRow;
import dev.scimkit.console.view.Pager;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.server.activity.SecretRedactor;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.domain.Employee;
import dev.scimkit.tracktik.domain.EmployeeProfile;
import dev.scimkit.tracktik.domain.EmployeeStatus;
import dev.scimkit.tracktik.domain.HeldRole;
import dev.scimkit.tracktik.domain.HistoryEntry;
import dev.scimkit.tracktik.domain.RoleRef;
import dev.scimkit.tracktik.port.EmployeeRecord;
import dev.scimkit.tracktik.port.EmployeeSearch;
import dev.scimkit.tracktik.port.Page;
import dev.scimkit.tracktik.port.StoreQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The employee search and an employee's page. The search is the store's own
 * ({@link dev.scimkit.tracktik.port.TrackTikStore#findEmployees}): region and held role are TrackTik
 * fields, not SCIM attributes, so a SCIM filter through the User repository could not ask for them.
 */
final class EmployeeScreens {

    private static final int PAGE = 25;
    /** More roles than this are not offered in the role filter's list. */
    private static final int ROLE_CHOICES = 500;

    private final ConsoleSettings settings;

    EmployeeScreens(ConsoleSettings settings) {
        this.settings = settings;
    }

    EmployeesView search(TenantId tenant, Frame frame, Links links, Params params) {
        String text = params.get("q");
        String status = params.get("status");
        String region = params.get("region");
        String role = params.get("role");
        long offset = params.offset();
        EmployeeSearch search = EmployeeSearch.all()
                .withText(text)
                .withStatus(switch (status) {
                    case "active" -> Optional.of(EmployeeStatus.ACTIVE);
                    case "inactive" -> Optional.of(EmployeeStatus.INACTIVE);
                    default -> Optional.empty();
                })
                .withRegionId(Optional.of(region))
                .withHeldRole(Optional.of(role))
                .withPage(offset, PAGE);
        Page<EmployeeRecord> page = settings.store().findEmployees(tenant, search);
        List<EmployeeRow> rows = page.items().stream().map(r -> row(r, links)).toList();
        Map<String, String> query = Links.params("q", text, "status", status, "region", region, "role", role);
        Pager pager = pager(links, links.page("employees"), query, offset, rows.size(), page.total());
        return new EmployeesView(frame, text, status, region, role, regionChoices(tenant), roleChoices(tenant, role),
                rows, pager);
    }

    private List<Choice> regionChoices(TenantId tenant) {
        return settings.store().regions(tenant).stream().map(r -> new Choice(r.id(), r.name())).toList();
    }

    /**
     * The tenant's role names (the first {@value #ROLE_CHOICES}), and the one asked for when it is not among
     * them: an employee may hold a role by name whose group was deleted.
     */
    private List<String> roleChoices(TenantId tenant, String asked) {
        List<String> names = new ArrayList<>(settings.store().searchRoles(tenant, new StoreQuery(Optional.empty(), 0,
                ROLE_CHOICES)).items().stream().map(r -> r.role().name()).sorted(String.CASE_INSENSITIVE_ORDER).toList());
        if (!asked.isEmpty() && names.stream().noneMatch(asked::equalsIgnoreCase)) {
            names.add(asked);
        }
        return names;
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
                    "", List.of());
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
                p.region().name(), p.status().name(), e.heldRole().map(HeldRole::name).orElse(""),
                e.roles().stream().map(RoleRef::name).toList());
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
