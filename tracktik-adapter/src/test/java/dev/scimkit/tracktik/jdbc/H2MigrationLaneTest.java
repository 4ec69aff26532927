package dev.scimkit.tracktik.jdbc;

import com.zaxxer.hikari.HikariConfig;

/** {@link MigrationLaneContract} on H2 (in memory, one database per test). */
class H2MigrationLaneTest extends MigrationLaneContract {

    @Override
    HikariConfig freshDatabase(String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + name + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setPassword("");
        return config;
    }
}
