package dev.scimkit.console;

import dev.scimkit.console.view.ErrorView;
import dev.scimkit.console.view.Frame;
import dev.scimkit.console.view.SignInView;
import dev.scimkit.server.spi.TenantId;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The provisioning console as a Jakarta Servlet: map it at {@code /console/*} (any prefix works) next
 * to the SCIM servlet. Pages: {@code activity}, {@code employees[/{id}]}, {@code roles[/{id}]},
 * {@code setup}; {@code signin} and {@code signout}.
 *
 * <p>Read-only: pages answer GET only (405 otherwise); the only POSTs are sign-in and sign-out, each
 * guarded by a CSRF token. An administrator signs in with the credential of one tenant and sees only
 * that tenant; the session cookie is {@code HttpOnly}, {@code SameSite=Strict}, and {@code Secure}
 * when the request came over TLS. Every page is sent with a Content-Security-Policy that allows no
 * script at all, and every value is escaped by the templates. Sign-in attempts are throttled per
 * remote address and per administrator account ({@link ConsoleSettings.Builder#signInGuards}): a
 * refused attempt is answered 429 with {@code Retry-After} and the form saying when to come back.
 */
public final class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServlet.class);
    private static final String SESSION_COOKIE = "scimkit_console";
    private static final String SIGNIN_CSRF_COOKIE = "scimkit_console_signin";
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    /** Hashed when the user name is unknown, so a wrong name costs what a wrong password costs. */
    private static final AdminPassword DECOY = AdminPassword.hash("decoy-password-never-matches");

    private final transient ConsoleSettings settings;
    private final transient Sessions sessions;
    private final transient SignInThrottle throttle;
    private final transient ActivityScreen activity;
    private final transient EmployeeScreens employees;
    private final transient RoleScreens roles;
    private final transient SetupScreen setup;
    private final transient byte[] css;

    /** A console over {@code settings}. */
    public ConsoleServlet(ConsoleSettings settings) {
        this.settings = settings;
        this.sessions = new Sessions(settings.sessionIdle(), settings.clock());
        this.throttle = new SignInThrottle(settings.addressGuard(), settings.accountGuard());
        this.activity = new ActivityScreen(settings);
        this.employees = new EmployeeScreens(settings);
        this.roles = new RoleScreens(settings);
        this.setup = new SetupScreen(settings);
        this.css = resource("console.css");
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        securityHeaders(resp);
        String base = req.getContextPath() + req.getServletPath();
        String path = Optional.ofNullable(req.getPathInfo()).orElse("/");
        String method = req.getMethod();
        Links links = new Links(base);
        if (path.equals("/signin")) {
            if (method.equals("POST")) {
                signIn(req, resp, base);
            } else if (method.equals("GET")) {
                signInForm(req, resp, base, "", Optional.empty(), 200);
            } else {
                notAllowed(resp, "GET, POST");
            }
            return;
        }
        if (path.equals("/signout")) {
            if (method.equals("POST")) {
                signOut(req, resp, base);
            } else {
                notAllowed(resp, "POST");
            }
            return;
        }
        if (!method.equals("GET")) {
            notAllowed(resp, "GET");
            return;
        }
        if (path.equals("/assets/console.css")) {
            resp.setContentType("text/css;charset=UTF-8");
            resp.setHeader("Cache-Control", "max-age=300");
            resp.getOutputStream().write(css);
            return;
        }
        Optional<Sessions.Session> session = sessions.find(cookie(req, SESSION_COOKIE));
        if (session.isEmpty()) {
            resp.sendRedirect(base + "/signin");
            return;
        }
        TenantId tenant = session.get().tenant();
        Frame frame = new Frame("", section(path), tenant.value(), session.get().admin(), session.get().csrf(), base);
        try {
            html(resp, 200, page(req, path, tenant, frame, links));
        } catch (ConsoleException e) {
            html(resp, e.status(), Templates.error(new ErrorView(frame.withTitle("Error"), e.status(), e.getMessage())));
        } catch (RuntimeException e) {
            LOG.error("The console could not show {}", path.length() > 200 ? path.substring(0, 200) : path, e);
            html(resp, 500, Templates.error(new ErrorView(frame.withTitle("Error"), 500,
                    "This page could not be shown; the server log has the details.")));
        }
    }

    private String page(HttpServletRequest req, String path, TenantId tenant, Frame frame, Links links) {
        Params params = new Params(req);
        String[] parts = path.substring(1).split("/", -1);
        String first = parts[0];
        if (parts.length == 1 || parts.length == 2 && parts[1].isEmpty()) {
            return switch (first) {
                case "", "activity" -> Templates.activity(activity.show(tenant, frame.withTitle("Activity"), links, params));
                case "employees" -> Templates.employees(employees.search(tenant, frame.withTitle("Employees"), links, params));
                case "roles" -> Templates.roles(roles.list(tenant, frame.withTitle("Roles"), links, params));
                case "setup" -> Templates.setup(setup.show(tenant, frame.withTitle("Setup"), links, origin(req)));
                default -> throw ConsoleException.notFound("There is no such page.");
            };
        }
        if (parts.length == 2 && first.equals("employees")) {
            return Templates.employee(employees.employee(tenant, parts[1], frame, links));
        }
        if (parts.length == 2 && first.equals("roles")) {
            return Templates.role(roles.role(tenant, parts[1], frame, links, params));
        }
        throw ConsoleException.notFound("There is no such page.");
    }

    private static String section(String path) {
        String first = path.length() > 1 ? path.substring(1).split("/")[0] : "activity";
        return first.toLowerCase(Locale.ROOT);
    }

    private void signInForm(HttpServletRequest req, HttpServletResponse resp, String base, String user,
                            Optional<String> error, int status) throws IOException {
        String csrf = Sessions.randomToken();
        setCookie(req, resp, SIGNIN_CSRF_COOKIE, csrf, base, false);
        html(resp, status, Templates.signIn(new SignInView(base, csrf, user, error)));
    }

    private void signIn(HttpServletRequest req, HttpServletResponse resp, String base) throws IOException {
        String user = Optional.ofNullable(req.getParameter("user")).orElse("").trim();
        String password = Optional.ofNullable(req.getParameter("password")).orElse("");
        if (!sameToken(req.getParameter("csrf"), cookie(req, SIGNIN_CSRF_COOKIE))) {
            signInForm(req, resp, base, user, Optional.of("The form had expired; please sign in again."), 403);
            return;
        }
        Optional<ConsoleTenant> tenant = settings.tenantOfAdmin(user);
        String address = Optional.ofNullable(req.getRemoteAddr()).orElse("unknown");
        // Refused before any hashing: a locked-out guesser costs the server nothing but this answer.
        Optional<Duration> wait = throttle.refusal(address, tenant);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            resp.setHeader("Retry-After", String.valueOf(seconds));
            signInForm(req, resp, base, user.length() > 100 ? "" : user, Optional.of("Too many failed sign-ins."
                    + " Try again in " + seconds + (seconds == 1 ? " second." : " seconds.")), 429);
            return;
        }
        boolean ok;
        if (tenant.isPresent()) {
            ok = tenant.get().adminPassword().matches(password);
        } else {
            DECOY.matches(password);
            ok = false;
        }
        if (!ok) {
            throttle.failed(address, tenant);
            signInForm(req, resp, base, user.length() > 100 ? "" : user,
                    Optional.of("That user name and password do not match an administrator."), 401);
            return;
        }
        throttle.succeeded(address, tenant.get());
        Optional.ofNullable(cookie(req, SESSION_COOKIE)).ifPresent(sessions::close);
        Sessions.Session session = sessions.open(tenant.get().tenant(), user);
        setCookie(req, resp, SESSION_COOKIE, session.id(), base, false);
        setCookie(req, resp, SIGNIN_CSRF_COOKIE, "", base, true);
        resp.setStatus(303);
        resp.setHeader("Location", base + "/activity");
    }

    private void signOut(HttpServletRequest req, HttpServletResponse resp, String base) {
        String id = cookie(req, SESSION_COOKIE);
        Optional<Sessions.Session> session = sessions.find(id);
        if (session.isPresent() && sameToken(req.getParameter("csrf"), session.get().csrf())) {
            sessions.close(id);
            setCookie(req, resp, SESSION_COOKIE, "", base, true);
        } else if (session.isPresent()) {
            resp.setStatus(403);
            return;
        }
        resp.setStatus(303);
        resp.setHeader("Location", base + "/signin");
    }

    private static boolean sameToken(String a, String b) {
        return a != null && b != null && !a.isEmpty()
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String cookie(HttpServletRequest req, String name) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (c.getName().equals(name)) {
                return c.getValue();
            }
        }
        return null;
    }

    private static void setCookie(HttpServletRequest req, HttpServletResponse resp, String name, String value,
                                  String path, boolean expire) {
        StringBuilder header = new StringBuilder(name).append('=').append(value)
                .append("; Path=").append(path.isEmpty() ? "/" : path)
                .append("; HttpOnly; SameSite=Strict");
        if (req.isSecure()) {
            header.append("; Secure");
        }
        if (expire) {
            header.append("; Max-Age=0");
        }
        resp.addHeader("Set-Cookie", header.toString());
    }

    private static String origin(HttpServletRequest req) {
        String scheme = req.getScheme().toLowerCase(Locale.ROOT);
        int port = req.getServerPort();
        boolean defaultPort = scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        String host = req.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (defaultPort || port <= 0 ? "" : ":" + port) + req.getContextPath();
    }

    private static void securityHeaders(HttpServletResponse resp) {
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("Cache-Control", "no-store");
    }

    private static void notAllowed(HttpServletResponse resp, String allow) throws IOException {
        resp.setHeader("Allow", allow);
        resp.setStatus(405);
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getOutputStream().write("The console is read-only.\n".getBytes(StandardCharsets.UTF_8));
    }

    private static void html(HttpServletResponse resp, int status, String page) throws IOException {
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ConsoleServlet.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The console's " + name + " is missing from its jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("The console's " + name + " could not be read", e);
        }
    }
}
