package dev.scimkit.console;

import dev.scimkit.server.ScimServer;
import dev.scimkit.server.activity.ActivityLog;
import dev.scimkit.server.limits.FailedAuthenticationGuard;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.port.TrackTikStore;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ConsoleServlet} shows and whom it lets in. Immutable; build with {@link #builder}.
 */
public final class ConsoleSettings {

    /** The Employee ID attribute when none is configured: the enterprise extension's employeeNumber. */
    public static final String DEFAULT_EMPLOYEE_ID_ATTRIBUTE =
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber";

    private final Map<TenantId, ConsoleTenant> tenants;
    private final Map<String, ConsoleTenant> byAdmin;
    private final ActivityLog activity;
    private final TrackTikStore store;
    private final ResourceRepository users;
    private final ScimServer engine;
    private final String scimBasePath;
    private final String employeeIdAttribute;
    private final Duration sessionIdle;
    private final Clock clock;
    private final FailedAuthenticationGuard addressGuard;
    private final FailedAuthenticationGuard accountGuard;

    private ConsoleSettings(Builder b) {
        this.tenants = Map.copyOf(b.tenants);
        Map<String, ConsoleTenant> admins = new LinkedHashMap<>();
        for (ConsoleTenant t : b.tenants.values()) {
            if (admins.put(t.adminUser(), t) != null) {
                throw new IllegalArgumentException("The administrator " + t.adminUser() + " is configured for two tenants");
            }
        }
        this.byAdmin = Map.copyOf(admins);
        this.activity = Objects.requireNonNull(b.activity, "an ActivityLog is required");
        this.store = Objects.requireNonNull(b.store, "a TrackTikStore is required");
        this.users = Objects.requireNonNull(b.users, "the User repository is required");
        this.engine = Objects.requireNonNull(b.engine, "the ScimServer is required");
        this.scimBasePath = b.scimBasePath;
        this.employeeIdAttribute = b.employeeIdAttribute;
        this.sessionIdle = b.sessionIdle;
        this.clock = b.clock;
        this.addressGuard = b.addressGuard != null ? b.addressGuard : SignInThrottle.defaultAddressGuard();
        this.accountGuard = b.accountGuard != null ? b.accountGuard : SignInThrottle.defaultAccountGuard();
    }

    /** Settings over the data the console reads; tenants are added with {@link Builder#tenant}. */
    public static Builder builder(ActivityLog activity, TrackTikStore store, ResourceRepository users, ScimServer engine) {
        return new Builder(activity, store, users, engine);
    }

    Optional<ConsoleTenant> tenantOfAdmin(String user) {
        return Optional.ofNullable(byAdmin.get(user));
    }

    Optional<ConsoleTenant> tenant(TenantId tenant) {
        return Optional.ofNullable(tenants.get(tenant));
    }

    ActivityLog activity() {
        return activity;
    }

    TrackTikStore store() {
        return store;
    }

    ResourceRepository users() {
        return users;
    }

    ScimServer engine() {
        return engine;
    }

    String scimBasePath() {
        return scimBasePath;
    }

    String employeeIdAttribute() {
        return employeeIdAttribute;
    }

    Duration sessionIdle() {
        return sessionIdle;
    }

    Clock clock() {
        return clock;
    }

    FailedAuthenticationGuard addressGuard() {
        return addressGuard;
    }

    FailedAuthenticationGuard accountGuard() {
        return accountGuard;
    }

    /** Builds {@link ConsoleSettings}. */
    public static final class Builder {
        private final Map<TenantId, ConsoleTenant> tenants = new LinkedHashMap<>();
        private final ActivityLog activity;
        private final TrackTikStore store;
        private final ResourceRepository users;
        private final ScimServer engine;
        private String scimBasePath = "/rest/scim/v2";
        private String employeeIdAttribute = DEFAULT_EMPLOYEE_ID_ATTRIBUTE;
        private Duration sessionIdle = Duration.ofMinutes(30);
        private Clock clock = Clock.systemUTC();
        private FailedAuthenticationGuard addressGuard;
        private FailedAuthenticationGuard accountGuard;

        private Builder(ActivityLog activity, TrackTikStore store, ResourceRepository users, ScimServer engine) {
            this.activity = activity;
            this.store = store;
            this.users = users;
            this.engine = engine;
        }

        /** A tenant whose administrator may sign in. */
        public Builder tenant(ConsoleTenant value) {
            tenants.put(value.tenant(), value);
            return this;
        }

        /** Adds several tenants. */
        public Builder tenants(List<ConsoleTenant> values) {
            values.forEach(this::tenant);
            return this;
        }

        /** The SCIM base path on this host, for the tenant URL the setup page shows; default {@code /rest/scim/v2}. */
        public Builder scimBasePath(String value) {
            scimBasePath = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The User attribute that holds the Employee ID. The employee search no longer needs it (it
         * matches the TrackTik Employee ID the mapping took from whichever attribute); kept so that
         * existing configurations still build.
         */
        public Builder employeeIdAttribute(String value) {
            employeeIdAttribute = Objects.requireNonNull(value);
            return this;
        }

        /** How long a session lasts without a request; default 30 minutes. */
        public Builder sessionIdle(Duration value) {
            sessionIdle = Objects.requireNonNull(value);
            return this;
        }

        /** The clock of sessions and of the "last 24 hours"; the system's UTC clock by default. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The guards that throttle sign-in attempts: failures counted per remote address and per
         * administrator account (a configured user name; unknown names count against the address
         * only). Pass the host's own guard as {@code perAddress} (the one the SCIM engine and other
         * sign-ins use) so that guessing on one path is refused on all of them. By default the console
         * has its own: five failures in a row per address, ten per account, then lockouts that double
         * from one second up to fifteen minutes, each incident logged once without a password.
         */
        public Builder signInGuards(FailedAuthenticationGuard perAddress, FailedAuthenticationGuard perAccount) {
            addressGuard = Objects.requireNonNull(perAddress, "perAddress");
            accountGuard = Objects.requireNonNull(perAccount, "perAccount");
            return this;
        }

        /** Throttles sign-ins per address with the host's guard, per account with the console's default. */
        public Builder signInGuard(FailedAuthenticationGuard perAddress) {
            addressGuard = Objects.requireNonNull(perAddress, "perAddress");
            return this;
        }

        public ConsoleSettings build() {
            return new ConsoleSettings(this);
        }
    }
}
