package dev.scimkit.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code scimkit.console.*} properties, read when scimkit-console is on the class path:
 *
 * <pre>
 * scimkit:
 *   console:
 *     enabled: true                    # off unless set
 *     path: /console                   # where the pages are served
 *     activity-retention-days: 30      # how long recorded SCIM requests are kept
 *     admins:
 *       - tenant: acme                 # a tenant of scimkit.tenants
 *         user: ann
 *         password-hash: ${ACME_CONSOLE_ADMIN_HASH}   # pbkdf2-sha256$…, never a password
 * </pre>
 */
@ConfigurationProperties("scimkit.console")
public class ScimkitConsoleProperties {

    private boolean enabled;
    private String path = "/console";
    private int activityRetentionDays = 30;
    private List<Admin> admins = new ArrayList<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    /** The path without a trailing slash, starting with one. */
    public String normalizedPath() {
        String p = path == null || path.isBlank() ? "/console" : path.strip();
        p = p.startsWith("/") ? p : "/" + p;
        return p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
    }

    public int getActivityRetentionDays() {
        return activityRetentionDays;
    }

    public void setActivityRetentionDays(int activityRetentionDays) {
        this.activityRetentionDays = activityRetentionDays;
    }

    public List<Admin> getAdmins() {
        return admins;
    }

    public void setAdmins(List<Admin> admins) {
        this.admins = admins;
    }

    /** One tenant's administrator: user name and the hash of the password. */
    public static class Admin {
        private String tenant;
        private String user;
        private String passwordHash;

        public String getTenant() {
            return tenant;
        }

        public void setTenant(String tenant) {
            this.tenant = tenant;
        }

        public String getUser() {
            return user;
        }

        public void setUser(String user) {
            this.user = user;
        }

        public String getPasswordHash() {
            return passwordHash;
        }

        public void setPasswordHash(String passwordHash) {
            this.passwordHash = passwordHash;
        }

        @Override
        public String toString() {
            return "Admin[tenant=" + tenant + ", user=" + user + "]"; // never the hash
        }
    }
}
