package dev.scimkit.examples;

import dev.scimkit.tracktik.jdbc.DataDirectoryInUseException;

import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar scimkit-server.jar}: parses the options, starts {@link ExampleServer}, and stops it
 * cleanly on SIGTERM or Ctrl-C (requests in flight finish first).
 */
public final class ScimkitServerMain {

    private ScimkitServerMain() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--hash-token")) {
            try {
                System.out.println(TokenHasher.hash(System.in));
                return;
            } catch (IllegalArgumentException | java.io.IOException e) {
                System.err.println("scimkit-server: " + e.getMessage());
                System.exit(2);
                return;
            }
        }
        if (args.length == 1 && args[0].equals("--hash-console-password")) {
            try {
                System.out.println(TokenHasher.hashConsolePassword(System.in));
                return;
            } catch (IllegalArgumentException | java.io.IOException e) {
                System.err.println("scimkit-server: " + e.getMessage());
                System.exit(2);
                return;
            }
        }
        ServerOptions options;
        try {
            options = ServerOptions.parse(args, System.getenv());
        } catch (ServerOptions.InvalidOptionsException e) {
            System.err.println("scimkit-server: " + e.getMessage());
            System.err.println("Try --help.");
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(ServerOptions.USAGE);
            return;
        }
        ExampleServer server;
        try {
            server = ExampleServer.start(options);
        } catch (ServerOptions.InvalidOptionsException e) {
            System.err.println("scimkit-server: " + e.getMessage());
            System.exit(2);
            return;
        } catch (DataDirectoryInUseException e) {
            System.err.println("scimkit-server: " + e.getMessage() + " Use --data-dir DIR (SCIMKIT_DATA_DIR) for a"
                    + " second server on this machine.");
            System.exit(1);
            return;
        } catch (Exception e) {
            System.err.println("scimkit-server: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("scimkit-server: error while stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "scimkit-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
