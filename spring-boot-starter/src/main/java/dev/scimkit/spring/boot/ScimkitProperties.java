package dev.scimkit.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code scimkit.*} properties:
 *
 * <pre>
 * scimkit:
 *   base-path: /scim/v2                # where the SCIM endpoint answers
 *   tenants:
 *     acme:                            # one tenant (one TrackTik portal), any number of clients
 *       clients:
 *         - name: entra-id             # the client's name in History and metrics; never the token
 *           token: ${ENTRA_TOKEN}      # or token-sha256: the hex SHA-256 of the token
 *   store:
 *     type: memory                     # memory | jdbc (the application's DataSource) | tracktik-rest
 *     jdbc:
 *       schema: scimkit                # optional; the tables' schema (default: the connection's)
 *       migrate: true                  # false when you apply the shipped SQL yourself
 *     rest:
 *       url: https://acme.staffr.us/rest/v1
 *       client-id: …                   # with client-secret, username, password (or access-token)
 *     tracktik-fields:                 # optional: employee fields from other User attributes
 *       employee-id: urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User:badgeNumber
 *   access-log: true
 * </pre>
 */
@ConfigurationProperties("scimkit")
public class ScimkitProperties {

    private String basePath = "/scim/v2";
    private Map<String, Tenant> tenants = new LinkedHashMap<>();
    private Store store = new Store();
    private boolean accessLog = true;
    private java.nio.file.Path schemaDir;
    private dev.scimkit.core.resource.UndeclaredExtensionPolicy undeclaredExtensions =
            dev.scimkit.core.resource.UndeclaredExtensionPolicy.REJECT;

    /**
     * A directory of extension schema files (RFC 7643 §7 JSON, one schema each) to serve in
     * {@code /Schemas} and validate, such as the custom extension an Entra ID administrator maps
     * attributes into; a file that is not valid stops the application at start-up, naming the file,
     * the attribute and the reason.
     */
    public java.nio.file.Path getSchemaDir() {
        return schemaDir;
    }

    public void setSchemaDir(java.nio.file.Path schemaDir) {
        this.schemaDir = schemaDir;
    }

    /** What happens to an extension no schema declares: refused with a 400 (default) or kept as sent. */
    public dev.scimkit.core.resource.UndeclaredExtensionPolicy getUndeclaredExtensions() {
        return undeclaredExtensions;
    }

    public void setUndeclaredExtensions(dev.scimkit.core.resource.UndeclaredExtensionPolicy undeclaredExtensions) {
        this.undeclaredExtensions = undeclaredExtensions;
    }

    public String getBasePath() {
        return basePath;
    }

    public void setBasePath(String basePath) {
        this.basePath = basePath;
    }

    /** The base path without a trailing slash, starting with one. */
    public String normalizedBasePath() {
        String p = basePath == null || basePath.isBlank() ? "/scim/v2" : basePath.strip();
        p = p.startsWith("/") ? p : "/" + p;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    public Map<String, Tenant> getTenants() {
        return tenants;
    }

    public void setTenants(Map<String, Tenant> tenants) {
        this.tenants = tenants;
    }

    public Store getStore() {
        return store;
    }

    public void setStore(Store store) {
        this.store = store;
    }

    public boolean isAccessLog() {
        return accessLog;
    }

    public void setAccessLog(boolean accessLog) {
        this.accessLog = accessLog;
    }

    /** A tenant: the clients (identity providers) that may provision it. */
    public static class Tenant {
        private List<Client> clients = new ArrayList<>();

        public List<Client> getClients() {
            return clients;
        }

        public void setClients(List<Client> clients) {
            this.clients = clients;
        }
    }

    /** One provisioning client and its bearer token (or the token's SHA-256). */
    public static class Client {
        private String name;
        private String token;
        private String tokenSha256;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getToken() {
            return token;
        }

        public void setToken(String token) {
            this.token = token;
        }

        public String getTokenSha256() {
            return tokenSha256;
        }

        public void setTokenSha256(String tokenSha256) {
            this.tokenSha256 = tokenSha256;
        }

        @Override
        public String toString() {
            return "Client[name=" + name + "]"; // never the token
        }
    }

    /** Which store serves SCIM. */
    public enum StoreType {
        /** scim-server's in-memory store: for trials and tests. */
        MEMORY,
        /** The TrackTik JDBC store on the application's DataSource (needs tracktik-adapter). */
        JDBC,
        /** A TrackTik portal's REST API (needs tracktik-adapter). */
        TRACKTIK_REST
    }

    /** The store and its settings. */
    public static class Store {
        private Map<String, String> tracktikFields = new LinkedHashMap<>();
        private StoreType type = StoreType.MEMORY;
        private Jdbc jdbc = new Jdbc();
        private Rest rest = new Rest();

        public StoreType getType() {
            return type;
        }

        public void setType(StoreType type) {
            this.type = type;
        }

        public Jdbc getJdbc() {
            return jdbc;
        }

        public void setJdbc(Jdbc jdbc) {
            this.jdbc = jdbc;
        }

        public Rest getRest() {
            return rest;
        }

        public void setRest(Rest rest) {
            this.rest = rest;
        }

        /**
         * The User attributes the TrackTik stores take employee fields from, instead of their standard
         * sources, keyed by field: {@code employee-id}, {@code job-title} or {@code department}; for
         * example {@code employee-id: urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User:badgeNumber}
         * (declare the extension in {@code scimkit.schema-dir}). A wrong field or attribute stops start-up.
         */
        public Map<String, String> getTracktikFields() {
            return tracktikFields;
        }

        public void setTracktikFields(Map<String, String> tracktikFields) {
            this.tracktikFields = tracktikFields;
        }
    }

    /** The JDBC store on the application's DataSource, which it borrows and never closes. */
    public static class Jdbc {
        private String schema;
        private boolean migrate = true;

        public String getSchema() {
            return schema;
        }

        public void setSchema(String schema) {
            this.schema = schema;
        }

        public boolean isMigrate() {
            return migrate;
        }

        public void setMigrate(boolean migrate) {
            this.migrate = migrate;
        }
    }

    /** A TrackTik portal's REST API: the service account's credentials, or a ready access token. */
    public static class Rest {
        private String url;
        private String clientId;
        private String clientSecret;
        private String username;
        private String password;
        private String accessToken;

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        public String getClientSecret() {
            return clientSecret;
        }

        public void setClientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getAccessToken() {
            return accessToken;
        }

        public void setAccessToken(String accessToken) {
            this.accessToken = accessToken;
        }

        @Override
        public String toString() {
            return "Rest[url=" + url + "]"; // never a secret
        }
    }
}
