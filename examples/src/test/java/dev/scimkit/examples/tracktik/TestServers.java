package dev.scimkit.examples.tracktik;

import dev.scimkit.examples.ExampleServer;
import dev.scimkit.examples.ServerOptions;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** Starts example servers on a free loopback port, the way an operator would configure them. */
final class TestServers {

    /** The bearer token of the tenant {@code default}; random so no test depends on a known secret. */
    static final String TOKEN = "tt-" + UUID.randomUUID();

    /** The client name that token is issued under, which History records as the actor. */
    static final String CLIENT = "idp-under-test";

    private TestServers() {
    }

    /** The default store: H2 under {@code dataDir}. */
    static ExampleServer h2(Path dataDir) throws Exception {
        return start("--data-dir", dataDir.toString());
    }

    /** H2 under {@code dataDir}, with more options (such as {@code --schema-dir}). */
    static ExampleServer h2(Path dataDir, String... moreArgs) throws Exception {
        String[] args = new String[moreArgs.length + 2];
        args[0] = "--data-dir";
        args[1] = dataDir.toString();
        System.arraycopy(moreArgs, 0, args, 2, moreArgs.length);
        return start(args);
    }

    /** PostgreSQL; user and password travel in the JDBC URL. */
    static ExampleServer postgres(String jdbcUrl, Path dataDir, String... moreArgs) throws Exception {
        String[] args = new String[moreArgs.length + 4];
        args[0] = "--store";
        args[1] = "postgres:" + jdbcUrl;
        args[2] = "--data-dir";
        args[3] = dataDir.toString();
        System.arraycopy(moreArgs, 0, args, 4, moreArgs.length);
        return start(args);
    }

    private static ExampleServer start(String... storeArgs) throws Exception {
        String[] args = new String[storeArgs.length + 4];
        args[0] = "--port";
        args[1] = "0";
        args[2] = "--tenant";
        args[3] = ServerOptions.DEFAULT_TENANT + "/" + CLIENT + "=" + TOKEN;
        System.arraycopy(storeArgs, 0, args, 4, storeArgs.length);
        // An empty environment: nothing from the machine's SCIMKIT_* variables leaks into a test.
        return ExampleServer.start(ServerOptions.parse(args, Map.of()));
    }
}
