package dev.scimkit.server.auth;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the code under test logs, as an operator reads it: slf4j-simple (the test binding) writes to
 * the standard error stream of the moment, which this captures.
 */
public final class StandardError {

    private StandardError() {
    }

    /** A step of a test that may throw. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    /** Everything written to standard error while {@code step} runs. */
    public static String during(Step step) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            step.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** The lines of {@code log} at {@code level} (WARN, INFO, DEBUG). */
    public static List<String> lines(String log, String level) {
        return log.lines().filter(l -> l.contains(" " + level + " ")).toList();
    }
}
