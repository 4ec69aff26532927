package dev.scimkit.examples;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The example server as an operator runs it, for tests: a separate JVM started by
 * {@link ScimkitServerMain} on this test's class path, its output in a log file, stopped with SIGTERM
 * ({@link #stop()}) or killed with SIGKILL ({@link #kill()}).
 */
public final class ServerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts a server with these options (no {@code --port}: a free one is chosen) and no SCIMKIT_* environment. */
    public static ServerProcess start(Path log, String... options) throws IOException {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port)));
        args.addAll(List.of(options));
        return new ServerProcess(launch(log, args), log, port);
    }

    /** Starts the server main with exactly these arguments, for tests of what it refuses. */
    public static Process launch(Path log, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ScimkitServerMain.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SCIMKIT_"));
        return pb.start();
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:port}. */
    public String origin() {
        return "http://127.0.0.1:" + port;
    }

    public Process process() {
        return process;
    }

    /** Waits until {@code /healthz} answers 200; fails with the log if the process dies or takes a minute. */
    public ServerProcess awaitHealthy() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The server exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(origin() + "/healthz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The server did not become healthy within 60 s:\n" + log());
    }

    /** SIGKILL, as a crash or an OOM killer would: no shutdown hook runs. Returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("The server survived SIGKILL for 30 s");
        }
    }

    /** SIGTERM: requests in flight finish and the store closes. Returns whether it stopped within 30 s. */
    public boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(30, TimeUnit.SECONDS);
    }

    /** What the server printed so far. */
    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
