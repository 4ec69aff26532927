package dev.scimkit.tracktik.jdbc;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How {@link JdbcTrackTikStore} treats the database it is given: which schema its tables live in, and
 * whether it migrates them itself.
 *
 * <p>The migrations are plain SQL in {@value #MIGRATIONS} (outside Spring Boot's and Flyway's default
 * {@code classpath:db/migration}, so an application's own Flyway never picks them up), recorded in
 * their own history table {@value #HISTORY_TABLE}. Users who run migrations themselves set
 * {@link Builder#migrate(boolean) migrate(false)} and apply those scripts with their own tool; the
 * store then only checks that its tables are there.
 *
 * <pre>{@code
 * JdbcStoreOptions options = JdbcStoreOptions.builder().schema("scimkit").build();
 * }</pre>
 */
public final class JdbcStoreOptions {

    /** Where the migrations live (Flyway location); the scripts are {@code V<n>__<name>.sql} beneath it. */
    public static final String MIGRATIONS = "classpath:dev/scimkit/tracktik/migration";
    /** Flyway's history table for the store's migrations, apart from the application's own. */
    public static final String HISTORY_TABLE = "tracktik_schema_history";

    /** A plain SQL identifier: schema names are passed to Flyway and JDBC, never spliced into SQL. */
    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private static final JdbcStoreOptions DEFAULTS = builder().build();

    private final String schema;
    private final boolean migrate;

    private JdbcStoreOptions(Builder builder) {
        this.schema = builder.schema;
        this.migrate = builder.migrate;
    }

    /** The connection's default schema, migrated by the store. */
    public static JdbcStoreOptions defaults() {
        return DEFAULTS;
    }

    /** Options to set one by one. */
    public static Builder builder() {
        return new Builder();
    }

    /** The schema the store's tables live in; empty means the connection's default schema. */
    public Optional<String> schema() {
        return Optional.ofNullable(schema);
    }

    /** Whether the store applies its migrations when it opens (true unless turned off). */
    public boolean migrate() {
        return migrate;
    }

    @Override
    public String toString() {
        return "JdbcStoreOptions[schema=" + schema().orElse("(default)") + ", migrate=" + migrate + "]";
    }

    /** Builds {@link JdbcStoreOptions}. */
    public static final class Builder {
        private String schema;
        private boolean migrate = true;

        private Builder() {
        }

        /**
         * Puts the store's tables and history table in this schema (created by the migration when
         * missing). The store sets it on each connection it borrows and restores the connection's own
         * schema before giving it back, so a pool shared with the application is left as it was.
         */
        public Builder schema(String schema) {
            Objects.requireNonNull(schema, "schema");
            if (!SCHEMA_NAME.matcher(schema).matches()) {
                throw new IllegalArgumentException("A schema name is a letter or '_' followed by up to 62 letters,"
                        + " digits or '_'");
            }
            this.schema = schema;
            return this;
        }

        /** False for users who apply the scripts under {@value JdbcStoreOptions#MIGRATIONS} themselves. */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        public JdbcStoreOptions build() {
            return new JdbcStoreOptions(this);
        }
    }
}
