package dev.scimkit.examples;

import dev.scimkit.console.AdminPassword;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The example server's options for activity recording and the provisioning console: whether requests
 * are recorded, how long entries are kept, and each tenant's console administrator. The console is
 * served at {@code /console/} when at least one administrator is configured.
 *
 * @param activity      whether every SCIM request is recorded ({@code --activity on|off}, default on)
 * @param retentionDays how many days activity is kept ({@code --activity-retention-days}, default 30)
 * @param admins        tenant name to its administrator ({@code --console-admin TENANT=USER:PASSWORD})
 */
public record ConsoleOptions(boolean activity, int retentionDays, Map<String, Admin> admins) {

    /**
     * A tenant's console administrator.
     *
     * @param user     the user name, unique across tenants
     * @param password the password, hashed when read (a {@code pbkdf2-sha256$…} hash is taken as is)
     */
    public record Admin(String user, AdminPassword password) {
    }

    public ConsoleOptions {
        admins = Collections.unmodifiableMap(new LinkedHashMap<>(admins));
    }

    /** Whether the console is served: some administrator is configured. */
    public boolean consoleEnabled() {
        return !admins.isEmpty();
    }

    static final String USAGE = """
              --activity on|off      record every SCIM request for the console, default on [SCIMKIT_ACTIVITY]
              --activity-retention-days N
                                     days activity is kept, default 30          [SCIMKIT_ACTIVITY_RETENTION_DAYS]
              --console-admin TENANT=USER:PASSWORD
                                     serve the console at /console/ and let USER sign in for
                                     TENANT, a tenant of --tenant, --tokens-file or the JWT issuer
                                     (repeatable; PASSWORD may be a pbkdf2-sha256$… hash, which
                                     `--hash-console-password < password.txt` prints)
                                                                                  [SCIMKIT_CONSOLE_ADMINS=t=u:p,...]
            """;

    /** Collects the options while {@link ServerOptions#parse} reads them. */
    static final class Builder {
        private boolean activity = true;
        private int retentionDays = 30;
        private final Map<String, Admin> admins = new LinkedHashMap<>();

        Builder(Map<String, String> env) {
            Optional.ofNullable(env.get("SCIMKIT_ACTIVITY")).ifPresent(v -> activity(v, "SCIMKIT_ACTIVITY"));
            Optional.ofNullable(env.get("SCIMKIT_ACTIVITY_RETENTION_DAYS"))
                    .ifPresent(v -> retentionDays(v, "SCIMKIT_ACTIVITY_RETENTION_DAYS"));
            Optional.ofNullable(env.get("SCIMKIT_CONSOLE_ADMINS")).ifPresent(list -> {
                for (String item : list.split(",")) {
                    if (!item.isBlank()) {
                        admin(item.trim(), "SCIMKIT_CONSOLE_ADMINS");
                    }
                }
            });
        }

        /** Takes the option if it is one of these; false otherwise. */
        boolean accept(String name, String value) {
            switch (name) {
                case "--activity" -> activity(require(name, value), name);
                case "--activity-retention-days" -> retentionDays(require(name, value), name);
                case "--console-admin" -> admin(require(name, value), name);
                default -> {
                    return false;
                }
            }
            return true;
        }

        private void activity(String value, String source) {
            activity = switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "on", "true" -> true;
                case "off", "false" -> false;
                default -> throw new ServerOptions.InvalidOptionsException(source + " must be on or off, not '" + value + "'");
            };
        }

        private void retentionDays(String value, String source) {
            try {
                retentionDays = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                retentionDays = -1;
            }
            if (retentionDays < 1 || retentionDays > 3650) {
                throw new ServerOptions.InvalidOptionsException(source + " must be a number of days from 1 to 3650");
            }
        }

        /** {@code TENANT=USER:PASSWORD}; the password never reaches an error message. */
        private void admin(String item, String source) {
            int eq = item.indexOf('=');
            int colon = eq < 0 ? -1 : item.indexOf(':', eq);
            if (eq <= 0 || colon < 0 || colon == eq + 1 || colon == item.length() - 1) {
                throw new ServerOptions.InvalidOptionsException(source + " takes TENANT=USER:PASSWORD");
            }
            String tenant = item.substring(0, eq).trim();
            String user = item.substring(eq + 1, colon).trim();
            String password = item.substring(colon + 1);
            AdminPassword hashed;
            try {
                hashed = password.startsWith("pbkdf2-sha256$") ? AdminPassword.parse(password) : AdminPassword.hash(password);
            } catch (IllegalArgumentException e) {
                throw new ServerOptions.InvalidOptionsException(source + " for " + tenant + ": " + e.getMessage());
            }
            admins.put(tenant, new Admin(user, hashed));
        }

        private static String require(String name, String value) {
            if (value == null) {
                throw new ServerOptions.InvalidOptionsException(name + " needs a value");
            }
            return value;
        }

        /**
         * Checks each administrator's tenant against the tokens of the command line; when a token file
         * or an OAuth 2 issuer names tenants too, the check waits for the start, which reads them
         * ({@code checkTenants}).
         */
        ConsoleOptions build(Map<String, ?> tenants, SecurityOptions security) {
            if (security.tokensFile().isEmpty() && security.jwt().isEmpty()) {
                checkTenants(admins.keySet(), tenants.keySet(), false);
            }
            return new ConsoleOptions(activity, retentionDays, admins);
        }
    }

    /**
     * Fails the start when an administrator's tenant is one no token names: a typo would otherwise be an
     * administrator who sees an empty console.
     *
     * @param anyTenant whether tenants are not known in advance (an OAuth 2 tenant claim)
     */
    static void checkTenants(java.util.Collection<String> adminTenants, java.util.Collection<String> known,
                             boolean anyTenant) {
        if (anyTenant) {
            return;
        }
        for (String tenant : adminTenants) {
            if (!known.contains(tenant)) {
                throw new ServerOptions.InvalidOptionsException("--console-admin names the tenant " + tenant
                        + ", which no token names (--token is the tenant 'default'; --tenant, --tokens-file and"
                        + " --jwt-tenant name others)");
            }
        }
    }
}
