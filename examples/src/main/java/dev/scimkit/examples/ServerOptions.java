package dev.scimkit.examples;

import dev.scimkit.core.resource.UndeclaredExtensionPolicy;
import dev.scimkit.tracktik.mapping.EmployeeTextField;
import dev.scimkit.tracktik.rest.PortalCredentials;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The example server's configuration, read from command-line options with environment variables as
 * defaults. Immutable; {@link #parse} rejects anything it does not understand with an
 * {@link InvalidOptionsException} whose message is meant for the person at the terminal.
 *
 * @param port          the HTTP port (0 picks a free one)
 * @param basePath      where the SCIM endpoints live, e.g. {@code /rest/scim/v2}
 * @param tenants       tenant name to its credentials (bearer secrets, each with its client's name)
 * @param dataDir       where the embedded store keeps its files
 * @param store         which store backs the server
 * @param trackTikUrl   base URL of a TrackTik portal's REST API, for {@link StoreKind#TRACKTIK}
 * @param trackTikCredentials how the store signs in to that portal: the service account's OAuth 2
 *                      credentials (tokens fetched and renewed) or a fixed access token
 * @param help          whether {@code --help} was asked for
 * @param schemaDir     a directory of extension schema files (RFC 7643 §7 JSON) to serve and validate
 * @param undeclaredExtensions what a request carrying an extension no schema file declares gets
 * @param trackTikFields the User attributes the TrackTik stores take employee fields from, instead of
 *                      their standard sources (such as a declared extension's badge number as the
 *                      Employee ID)
 * @param trackTikRoles which one role a TrackTik employee holds among its groups' roles
 * @param security      token file, OAuth 2 access tokens, request limits and TLS
 * @param console       activity recording and the provisioning console
 */
public record ServerOptions(int port, String basePath, Map<String, List<Credential>> tenants, Path dataDir,
                            Store store, Optional<String> trackTikUrl, Optional<PortalCredentials> trackTikCredentials,
                            boolean help, Optional<Path> schemaDir, UndeclaredExtensionPolicy undeclaredExtensions,
                            Map<EmployeeTextField, String> trackTikFields, TrackTikRoleOptions trackTikRoles,
                            SecurityOptions security, ConsoleOptions console) {

    /** The tenant that {@code --token} configures. */
    public static final String DEFAULT_TENANT = "default";

    /** The client name of a token given without one ({@code --token}, {@code --tenant NAME=SECRET}). */
    public static final String DEFAULT_CLIENT = "scim-provisioning";

    /**
     * One bearer token of a tenant and the name of the provisioning client it was issued to, which
     * History records as the actor of every change made with it.
     *
     * @param client a loggable name such as {@code entra-prod}
     * @param secret the bearer token; never printed
     */
    public record Credential(String client, String secret) {
        @Override
        public String toString() {
            return "Credential[" + client + ", secret redacted]";
        }
    }

    /** Which store holds the data. */
    public enum StoreKind { H2, MEMORY, POSTGRES, TRACKTIK }

    /**
     * A store selection.
     *
     * @param kind    the kind of store
     * @param jdbcUrl the JDBC URL, for {@link StoreKind#POSTGRES}
     */
    public record Store(StoreKind kind, Optional<String> jdbcUrl) {
    }

    public ServerOptions {
        Map<String, List<Credential>> copy = new LinkedHashMap<>();
        tenants.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        tenants = Collections.unmodifiableMap(copy);
    }

    /** Everything but the secrets, so the options can be logged whole. */
    @Override
    public String toString() {
        return "ServerOptions[port=" + port + ", basePath=" + basePath + ", tenants=" + tenants
                + ", dataDir=" + dataDir + ", store=" + store.kind() + ", trackTikUrl=" + trackTikUrl.map(ServerOptions::withoutUserInfo).orElse("-")
                + ", trackTikCredentials=" + trackTikCredentials.map(Object::toString).orElse("-") + ", help=" + help
                + ", schemaDir=" + schemaDir.map(Path::toString).orElse("-") + ", undeclaredExtensions="
                + undeclaredExtensions + ", trackTikFields=" + trackTikFields + ", " + trackTikRoles
                + ", security=" + security + ", console=" + console.admins().keySet()
                + ", activity=" + console.activity() + "]";
    }

    public static final String USAGE = """
            Usage: java -jar scimkit-server.jar [options]

            Serves SCIM 2.0 at http://localhost:<port><base-path>/ for Microsoft Entra ID and Okta.

            Options (environment variable in brackets):
              --port N               HTTP port, default 8080                      [SCIMKIT_PORT]
              --base-path PATH       SCIM base path, default /rest/scim/v2        [SCIMKIT_BASE_PATH]
              --token SECRET         bearer token of the tenant "default"         [SCIMKIT_TOKEN]
              --tenant NAME[/CLIENT]=SECRET
                                     a tenant and one of its tokens (repeatable); CLIENT names
                                     the IdP app it is for in History, default scim-provisioning
                                                                                  [SCIMKIT_TENANTS=name[/client]=secret,...]
              --data-dir DIR         where the embedded H2 store keeps its files, default ./data  [SCIMKIT_DATA_DIR]
              --store KIND           h2 (default), memory, postgres:<jdbc-url>    [SCIMKIT_STORE]
              --tracktik-url URL     use a TrackTik portal's REST API as the store [SCIMKIT_TRACKTIK_URL]
                                     (https://<portal>/rest/v1), signing in with its service account:
              --tracktik-client-id ID                                             [SCIMKIT_TRACKTIK_CLIENT_ID]
              --tracktik-client-secret S                                          [SCIMKIT_TRACKTIK_CLIENT_SECRET]
              --tracktik-username U                                               [SCIMKIT_TRACKTIK_USERNAME]
              --tracktik-password P                                               [SCIMKIT_TRACKTIK_PASSWORD]
                                     all four: tokens are fetched and renewed; prefer the environment
                                     for secrets (a command line is visible to other users)
              --tracktik-token T     instead, a ready access token (it expires)   [SCIMKIT_TRACKTIK_TOKEN]
              --schema-dir DIR       extension schemas to accept, one RFC 7643 §7 JSON file each
                                     (custom attributes of Entra ID or Okta) [SCIMKIT_SCHEMA_DIR]
              --undeclared-extensions reject|keep
                                     a request with an extension no schema declares: reject
                                     (default, 400 naming it) or keep it as sent [SCIMKIT_UNDECLARED_EXTENSIONS]
              --tracktik-field FIELD=ATTRIBUTE
                                     the User attribute a TrackTik employee field comes from (repeatable);
                                     FIELD is employee-id (default: enterprise employeeNumber), job-title
                                     (default: title) or department (default: enterprise department);
                                     e.g. employee-id=urn:...:CustomExtensionName:2.0:User:badgeNumber
                                                                                  [SCIMKIT_TRACKTIK_FIELDS=field=attribute,...]
              --tracktik-employee-id-from ATTRIBUTE
                                     the same as --tracktik-field employee-id=ATTRIBUTE
                                                                                  [SCIMKIT_TRACKTIK_EMPLOYEE_ID_FROM]
              --tracktik-role-priority NAME,NAME,...
                                     TrackTik gives an employee one role: among its groups' roles, the
                                     first of this list wins, else the earliest group [SCIMKIT_TRACKTIK_ROLE_PRIORITY]
              --tracktik-default-role NAME
                                     the role an employee takes when its last group is removed,
                                     instead of keeping its role                  [SCIMKIT_TRACKTIK_DEFAULT_ROLE]
            """ + ConsoleOptions.USAGE + """
              --help                 print this text

            A public endpoint (see docs/security.md):
            """ + SecurityOptions.USAGE + """

            At least one token is required (--token, --tenant, --tokens-file, --jwt-issuer or the environment).
            """;

    /** Reads options; {@code env} supplies the defaults (pass {@code System.getenv()}). */
    public static ServerOptions parse(String[] args, Map<String, String> env) {
        int port = parsePort(env.getOrDefault("SCIMKIT_PORT", "8080"), "SCIMKIT_PORT");
        String basePath = env.getOrDefault("SCIMKIT_BASE_PATH", "/rest/scim/v2");
        Map<String, List<Credential>> tenants = new LinkedHashMap<>();
        if (env.containsKey("SCIMKIT_TOKEN")) {
            addTenant(tenants, DEFAULT_TENANT, DEFAULT_CLIENT, env.get("SCIMKIT_TOKEN"), "SCIMKIT_TOKEN");
        }
        if (env.containsKey("SCIMKIT_TENANTS")) {
            for (String pair : env.get("SCIMKIT_TENANTS").split(",")) {
                if (!pair.isBlank()) {
                    addTenantPair(tenants, pair.trim(), "SCIMKIT_TENANTS");
                }
            }
        }
        Path dataDir = Path.of(env.getOrDefault("SCIMKIT_DATA_DIR", "data"));
        Store store = parseStore(env.getOrDefault("SCIMKIT_STORE", "h2"), "SCIMKIT_STORE");
        Optional<String> trackTikUrl = Optional.ofNullable(env.get("SCIMKIT_TRACKTIK_URL"));
        Optional<String> trackTikToken = Optional.ofNullable(env.get("SCIMKIT_TRACKTIK_TOKEN"));
        Map<String, String> signIn = new LinkedHashMap<>();
        for (String option : SIGN_IN_OPTIONS) {
            String variable = "SCIMKIT_" + option.substring(2).replace('-', '_').toUpperCase(java.util.Locale.ROOT);
            if (env.containsKey(variable)) {
                signIn.put(option, env.get(variable));
            }
        }
        boolean help = false;
        Optional<Path> schemaDir = Optional.ofNullable(env.get("SCIMKIT_SCHEMA_DIR")).map(Path::of);
        Map<EmployeeTextField, String> trackTikFields = new EnumMap<>(EmployeeTextField.class);
        for (String pair : env.getOrDefault("SCIMKIT_TRACKTIK_FIELDS", "").split(",")) {
            if (!pair.isBlank()) {
                addTrackTikField(trackTikFields, pair, "SCIMKIT_TRACKTIK_FIELDS");
            }
        }
        Optional.ofNullable(env.get("SCIMKIT_TRACKTIK_EMPLOYEE_ID_FROM"))
                .ifPresent(a -> trackTikFields.put(EmployeeTextField.EMPLOYEE_ID, a));
        TrackTikRoleOptions roles = TrackTikRoleOptions.defaults()
                .withPriority(TrackTikRoleOptions.parsePriority(env.getOrDefault("SCIMKIT_TRACKTIK_ROLE_PRIORITY", "")))
                .withDefaultRole(env.getOrDefault("SCIMKIT_TRACKTIK_DEFAULT_ROLE", ""));
        UndeclaredExtensionPolicy undeclared = parseUndeclared(
                env.getOrDefault("SCIMKIT_UNDECLARED_EXTENSIONS", "reject"), "SCIMKIT_UNDECLARED_EXTENSIONS");

        SecurityOptions.Parser security = new SecurityOptions.Parser(env);
        ConsoleOptions.Builder console = new ConsoleOptions.Builder(env);
        List<String> rest = new ArrayList<>(List.of(args));
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            String name = arg;
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inlineValue = arg.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                help = true;
                continue;
            }
            String value;
            if (inlineValue != null) {
                value = inlineValue;
            } else if (i + 1 < rest.size()) {
                value = rest.get(++i);
            } else {
                value = null;
            }
            switch (name) {
                case "--port" -> port = parsePort(require(name, value), name);
                case "--base-path" -> basePath = require(name, value);
                case "--token" -> addTenant(tenants, DEFAULT_TENANT, DEFAULT_CLIENT, require(name, value), name);
                case "--tenant" -> addTenantPair(tenants, require(name, value), name);
                case "--data-dir" -> dataDir = Path.of(require(name, value));
                case "--store" -> store = parseStore(require(name, value), name);
                case "--schema-dir" -> schemaDir = Optional.of(Path.of(require(name, value)));
                case "--undeclared-extensions" -> undeclared = parseUndeclared(require(name, value), name);
                case "--tracktik-employee-id-from" -> trackTikFields.put(EmployeeTextField.EMPLOYEE_ID, require(name, value));
                case "--tracktik-field" -> addTrackTikField(trackTikFields, require(name, value), name);
                case "--tracktik-role-priority" -> roles = roles.withPriority(TrackTikRoleOptions.parsePriority(require(name, value)));
                case "--tracktik-default-role" -> roles = roles.withDefaultRole(require(name, value));
                case "--tracktik-url" -> trackTikUrl = Optional.of(require(name, value));
                case "--tracktik-token" -> trackTikToken = Optional.of(require(name, value));
                case "--tracktik-client-id", "--tracktik-client-secret", "--tracktik-username", "--tracktik-password" ->
                        signIn.put(name, require(name, value));
                default -> {
                    if (SecurityOptions.OPTIONS.contains(name)) {
                        security.accept(name, require(name, value));
                    } else if (!console.accept(name, value)) {
                        throw new InvalidOptionsException("Unknown option '" + name + "'");
                    }
                }
            }
        }
        basePath = normaliseBasePath(basePath);
        Optional<PortalCredentials> trackTikCredentials = trackTikCredentials(trackTikUrl, trackTikToken, signIn);
        if (trackTikUrl.isPresent()) {
            store = new Store(StoreKind.TRACKTIK, Optional.empty());
        }
        SecurityOptions securityOptions = security.build();
        if (!help && tenants.isEmpty() && !securityOptions.hasCredentials()) {
            throw new InvalidOptionsException("No token configured: pass --token SECRET, --tenant NAME=SECRET,"
                    + " --tokens-file FILE or --jwt-issuer URL");
        }
        return new ServerOptions(port, basePath, tenants, dataDir, store, trackTikUrl, trackTikCredentials, help,
                schemaDir, undeclared, Map.copyOf(trackTikFields), roles, securityOptions, console.build(tenants, securityOptions));
    }

    /** The attribute the TrackTik stores take the Employee ID from, when it is not the standard one. */
    public Optional<String> employeeIdFrom() {
        return Optional.ofNullable(trackTikFields.get(EmployeeTextField.EMPLOYEE_ID));
    }

    /** Reads {@code field=attribute}; the attribute itself is checked against the schemas at start-up. */
    private static void addTrackTikField(Map<EmployeeTextField, String> fields, String pair, String source) {
        int eq = pair.indexOf('=');
        Optional<EmployeeTextField> field = eq < 0 ? Optional.empty() : EmployeeTextField.byOptionName(pair.substring(0, eq));
        if (field.isEmpty() || pair.substring(eq + 1).isBlank()) {
            throw new InvalidOptionsException(source + ": expected FIELD=ATTRIBUTE with FIELD one of "
                    + EmployeeTextField.optionNames() + ", got '" + pair.strip() + "'");
        }
        fields.put(field.get(), pair.substring(eq + 1).strip());
    }

    private static UndeclaredExtensionPolicy parseUndeclared(String text, String source) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "reject" -> UndeclaredExtensionPolicy.REJECT;
            case "keep" -> UndeclaredExtensionPolicy.KEEP;
            default -> throw new InvalidOptionsException(source + " must be reject or keep, not '" + text + "'");
        };
    }

    /** The four options of the service account's sign-in, which go together. */
    private static final List<String> SIGN_IN_OPTIONS = List.of(
            "--tracktik-client-id", "--tracktik-client-secret", "--tracktik-username", "--tracktik-password");

    private static Optional<PortalCredentials> trackTikCredentials(Optional<String> url, Optional<String> token,
                                                                   Map<String, String> signIn) {
        if (!signIn.isEmpty() && signIn.size() < SIGN_IN_OPTIONS.size()) {
            List<String> missing = new ArrayList<>(SIGN_IN_OPTIONS);
            missing.removeAll(signIn.keySet());
            throw new InvalidOptionsException("The TrackTik service account needs all four of "
                    + String.join(", ", SIGN_IN_OPTIONS) + "; missing " + String.join(", ", missing));
        }
        if (token.isPresent() && !signIn.isEmpty()) {
            throw new InvalidOptionsException("Give either --tracktik-token or the service account (--tracktik-client-id"
                    + " and the rest), not both");
        }
        boolean credentials = token.isPresent() || !signIn.isEmpty();
        if (url.isPresent() != credentials) {
            throw new InvalidOptionsException(url.isPresent()
                    ? "--tracktik-url needs the service account (--tracktik-client-id, --tracktik-client-secret,"
                            + " --tracktik-username, --tracktik-password) or --tracktik-token"
                    : "TrackTik credentials were given without --tracktik-url");
        }
        if (!credentials) {
            return Optional.empty();
        }
        try {
            return Optional.of(token.isPresent()
                    ? PortalCredentials.accessToken(token.get())
                    : PortalCredentials.passwordGrant(signIn.get("--tracktik-client-id"),
                            signIn.get("--tracktik-client-secret"), signIn.get("--tracktik-username"),
                            signIn.get("--tracktik-password")));
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionsException(e.getMessage());
        }
    }

    private static String require(String option, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidOptionsException("Option " + option + " needs a value");
        }
        return value;
    }

    private static int parsePort(String text, String source) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 0 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new InvalidOptionsException(source + " must be a port number from 0 to 65535, not '" + text + "'");
        }
    }

    private static Store parseStore(String text, String source) {
        String lower = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("h2")) {
            return new Store(StoreKind.H2, Optional.empty());
        }
        if (lower.equals("memory")) {
            return new Store(StoreKind.MEMORY, Optional.empty());
        }
        if (lower.startsWith("postgres:")) {
            String url = text.trim().substring("postgres:".length());
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new InvalidOptionsException(source + " postgres:<url> needs a jdbc:postgresql: URL, not '" + url + "'");
            }
            return new Store(StoreKind.POSTGRES, Optional.of(url));
        }
        throw new InvalidOptionsException(source + " must be h2, memory or postgres:<jdbc-url>, not '" + text + "'");
    }

    private static void addTenantPair(Map<String, List<Credential>> tenants, String pair, String source) {
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
            throw new InvalidOptionsException(source + " takes NAME[/CLIENT]=SECRET, not '" + redact(pair) + "'");
        }
        String who = pair.substring(0, eq).trim();
        int slash = who.indexOf('/');
        String tenant = slash < 0 ? who : who.substring(0, slash);
        String client = slash < 0 ? DEFAULT_CLIENT : who.substring(slash + 1);
        addTenant(tenants, tenant, client, pair.substring(eq + 1), source);
    }

    private static void addTenant(Map<String, List<Credential>> tenants, String name, String client, String secret,
                                  String source) {
        if (secret.isBlank()) {
            throw new InvalidOptionsException(source + ": a token must not be blank");
        }
        if (!name.matches(NAME)) {
            throw new InvalidOptionsException(source + ": tenant names use letters, digits, '.', '_' and '-'");
        }
        if (!client.matches(NAME)) {
            throw new InvalidOptionsException(source + ": client names use letters, digits, '.', '_' and '-'");
        }
        tenants.computeIfAbsent(name, k -> new ArrayList<>()).add(new Credential(client, secret));
    }

    private static final String NAME = "[A-Za-z0-9._-]+";

    /**
     * A URL as it may be logged: the user part of its authority ({@code https://user:pass@host/…}) is
     * dropped. The authority ends at the first {@code /}, {@code ?} or {@code #}; its user part ends at
     * the last {@code @} before that, since a password may contain {@code @} itself.
     */
    static String withoutUserInfo(String url) {
        int scheme = url.indexOf("://");
        int authorityStart = scheme < 0 ? 0 : scheme + 3;
        int authorityEnd = url.length();
        for (int i = authorityStart; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                authorityEnd = i;
                break;
            }
        }
        int at = url.lastIndexOf('@', authorityEnd - 1);
        if (at < authorityStart) {
            return url;
        }
        return url.substring(0, authorityStart) + "…@" + url.substring(at + 1);
    }

    /** Never echo a secret back, even in an error message. */
    private static String redact(String pair) {
        int eq = pair.indexOf('=');
        return eq < 0 ? "…" : pair.substring(0, eq + 1) + "…";
    }

    private static String normaliseBasePath(String path) {
        String p = path.trim();
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** A configuration the server cannot start with; the message says what to change. */
    public static final class InvalidOptionsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidOptionsException(String message) {
            super(message);
        }
    }
}
