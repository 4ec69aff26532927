package dev.scimkit.console;

import dev.scimkit.console.view.Frame;
import dev.scimkit.console.view.MemberRow;
import dev.scimkit.console.view.Pager;
import dev.scimkit.console.view.RoleRow;
import dev.scimkit.console.view.RoleView;
import dev.scimkit.console.view.RolesView;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.port.Member;
import dev.scimkit.tracktik.port.Page;
import dev.scimkit.tracktik.port.RoleRecord;
import dev.scimkit.tracktik.port.StoreQuery;

import java.util.Map;
import java.util.Optional;

/** The roles list and a role's page with its members, both paged by the store. */
final class RoleScreens {

    private final ConsoleSettings settings;

    RoleScreens(ConsoleSettings settings) {
        this.settings = settings;
    }

    RolesView list(TenantId tenant, Frame frame, Links links, Params params) {
        long offset = params.offset();
        Page<RoleRecord> page = settings.store().searchRoles(tenant,
                new StoreQuery(Optional.empty(), offset, EmployeeScreens.pageSize()));
        Pager pager = EmployeeScreens.pager(links, links.page("roles"), Map.of(), offset, page.items().size(), page.total());
        return new RolesView(frame, page.items().stream().map(r -> row(r, links)).toList(), pager);
    }

    RoleView role(TenantId tenant, String scimId, Frame frame, Links links, Params params) {
        RoleRecord role = settings.store().findRole(tenant, scimId)
                .orElseThrow(() -> ConsoleException.notFound("There is no role with this id in your portal."));
        long offset = params.offset();
        Page<Member> members = settings.store().members(tenant, scimId, offset, EmployeeScreens.pageSize());
        Pager pager = EmployeeScreens.pager(links, links.role(scimId), Map.of(), offset, members.items().size(), members.total());
        return new RoleView(frame.withTitle(role.role().name()), row(role, links),
                members.items().stream().map(m -> new MemberRow(links.employee(m.scimId()),
                        m.display().isBlank() ? m.scimId() : m.display())).toList(),
                pager, links.withQuery("activity", Links.params("target", scimId)));
    }

    private static RoleRow row(RoleRecord r, Links links) {
        return new RoleRow(links.role(r.scimId()), r.role().name(), r.memberCount(),
                r.link().externalId().orElse(""), Times.show(r.link().created()));
    }
}
