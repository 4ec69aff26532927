package dev.scimkit.examples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.message.ErrorResponse;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.servlet.ScimServlet;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.domain.Employee;
import dev.scimkit.tracktik.domain.EmployeeProfile;
import dev.scimkit.tracktik.domain.FieldChange;
import dev.scimkit.tracktik.domain.HistoryEntry;
import dev.scimkit.tracktik.domain.RoleRef;
import dev.scimkit.tracktik.port.EmployeeRecord;
import dev.scimkit.tracktik.port.Page;
import dev.scimkit.tracktik.port.RoleRecord;
import dev.scimkit.tracktik.port.StoreQuery;
import dev.scimkit.tracktik.port.TrackTikStore;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read-only view of what provisioning made of the SCIM data, as a TrackTik administrator sees it:
 * {@code GET /admin/employees} (region and roles), {@code GET /admin/employees/{id or scimId}/history} and
 * {@code GET /admin/roles}. The SCIM bearer tokens authenticate it, and each token sees its own tenant.
 */
final class TrackTikAdminServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern HISTORY = Pattern.compile("/employees/([^/]+)/history/?");
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1_000;
    /**
     * Always three fraction digits: {@code Instant.toString()} drops a zero fraction, and then
     * "…45Z" sorts after "…45.037Z" for anyone who orders History as text.
     */
    private static final DateTimeFormatter HISTORY_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final transient TrackTikStore store;
    private final transient Authenticator authenticator;

    TrackTikAdminServlet(TrackTikStore store, Authenticator authenticator) {
        this.store = store;
        this.authenticator = authenticator;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            if (!"GET".equals(req.getMethod())) {
                throw ScimException.status(405, "The admin view is read-only: use GET");
            }
            TenantId tenant = authenticate(req);
            String path = Optional.ofNullable(req.getPathInfo()).orElse("/");
            Matcher history = HISTORY.matcher(path);
            ObjectNode body;
            if (path.equals("/employees") || path.equals("/employees/")) {
                body = employees(tenant, req);
            } else if (history.matches()) {
                body = history(tenant, history.group(1));
            } else if (path.equals("/roles") || path.equals("/roles/")) {
                body = roles(tenant, req);
            } else {
                throw ScimException.notFound("No admin view at " + path
                        + "; try /admin/employees, /admin/employees/{id}/history or /admin/roles");
            }
            write(resp, 200, body);
        } catch (ScimException e) {
            if (e.status() == 401) {
                resp.setHeader("WWW-Authenticate", authenticator.challenge());
            }
            write(resp, e.status(), ErrorResponse.from(e).toJson());
        }
    }

    private TenantId authenticate(HttpServletRequest req) {
        return authenticator.authenticate(ScimServlet.toScimRequest(req, new byte[0]))
                .map(ScimPrincipal::tenant)
                .orElseThrow(() -> ScimException.status(401, "Authentication failed: a valid bearer token is required"));
    }

    private ObjectNode employees(TenantId tenant, HttpServletRequest req) {
        Page<EmployeeRecord> page = store.searchEmployees(tenant,
                new StoreQuery(Optional.empty(), offset(req), limit(req)));
        ObjectNode out = ScimJson.object();
        out.put("totalResults", page.total());
        ArrayNode items = out.putArray("employees");
        page.items().forEach(r -> items.add(employee(r)));
        return out;
    }

    /** An employee's History, addressed by the {@code id} or the {@code scimId} that /admin/employees lists. */
    private ObjectNode history(TenantId tenant, String idOrScimId) {
        String scimId = idOrScimId;
        List<HistoryEntry> entries = store.history(tenant, scimId);
        if (entries.isEmpty() && store.findEmployee(tenant, scimId).isEmpty()) {
            Optional<String> byEmployeeId = store.scimIdOfEmployee(tenant, idOrScimId);
            if (byEmployeeId.isEmpty()) {
                throw ScimException.notFound("No employee with id or SCIM id "
                        + (idOrScimId.length() > 64 ? idOrScimId.substring(0, 64) + "…" : idOrScimId));
            }
            scimId = byEmployeeId.get();
            entries = store.history(tenant, scimId);
        }
        ObjectNode out = ScimJson.object();
        out.put("employeeScimId", scimId);
        ArrayNode items = out.putArray("history");
        for (HistoryEntry e : entries) {
            ObjectNode entry = items.addObject();
            entry.put("at", HISTORY_TIME.format(e.at()));
            entry.put("actor", e.actor().display());
            entry.put("action", e.action().name());
            ArrayNode changes = entry.putArray("changes");
            for (FieldChange c : e.changes()) {
                ObjectNode change = changes.addObject().put("field", c.field()).put("old", c.oldValue())
                        .put("new", c.newValue());
                if (!c.note().isEmpty()) {
                    change.put("note", c.note());
                }
            }
        }
        return out;
    }

    private ObjectNode roles(TenantId tenant, HttpServletRequest req) {
        Page<RoleRecord> page = store.searchRoles(tenant, new StoreQuery(Optional.empty(), offset(req), limit(req)));
        ObjectNode out = ScimJson.object();
        out.put("totalResults", page.total());
        ArrayNode items = out.putArray("roles");
        for (RoleRecord r : page.items()) {
            items.addObject()
                    .put("id", r.role().id())
                    .put("scimId", r.scimId())
                    .put("name", r.role().name())
                    .put("kind", r.role().kind().name())
                    .put("memberCount", r.memberCount());
        }
        return out;
    }

    private static ObjectNode employee(EmployeeRecord record) {
        Employee e = record.employee();
        EmployeeProfile p = e.profile();
        ObjectNode out = ScimJson.object();
        out.put("id", e.id());
        out.put("scimId", record.scimId());
        out.put("userName", record.link().name());
        out.put("customId", p.customId());
        out.put("firstName", p.firstName());
        out.put("lastName", p.lastName());
        out.put("email", p.email());
        out.put("primaryPhone", p.primaryPhone());
        out.put("secondaryPhone", p.secondaryPhone());
        out.put("jobTitle", p.jobTitle());
        out.put("department", p.department());
        out.put("status", p.status().name());
        out.putObject("region").put("id", p.region().id()).put("name", p.region().name());
        out.put("address", p.address().oneLine());
        out.put("language", p.language());
        ArrayNode roles = out.putArray("roles");
        for (RoleRef role : e.roles()) {
            roles.addObject().put("id", role.id()).put("name", role.name()).put("scimId", role.scimId());
        }
        // The one role the employee holds in TrackTik, and the memberships it comes from (none: kept
        // after its last group went, or a default role).
        e.heldRole().ifPresentOrElse(held -> {
            ObjectNode role = out.putObject("role").put("id", held.id().orElse("")).put("name", held.name());
            ArrayNode from = role.putArray("fromGroups");
            for (RoleRef source : e.heldRoleSources()) {
                from.addObject().put("scimId", source.scimId()).put("name", source.name());
            }
        }, () -> out.putNull("role"));
        return out;
    }

    private static long offset(HttpServletRequest req) {
        return parse(req, "offset", 0, Long.MAX_VALUE, 0);
    }

    private static int limit(HttpServletRequest req) {
        return (int) parse(req, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
    }

    private static long parse(HttpServletRequest req, String name, long min, long max, long fallback) {
        String text = req.getParameter(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue(name + " must be a whole number from " + min + " to " + max);
        }
    }

    private static void write(HttpServletResponse resp, int status, ObjectNode body) throws IOException {
        byte[] bytes = ScimJson.write(body);
        resp.setStatus(status);
        resp.setContentType("application/json;charset=UTF-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
