package dev.scimkit.core.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Finds the third-party conformance data (Okta's SPEC test, Microsoft's Postman collection, the SCIMMY
 * vectors) for tests in any module. That data is not part of the repository, so a clone with nothing
 * beside it must still pass: tests that need it call {@link #conformanceFile(String, String)}, which
 * skips the test with a JUnit assumption saying what was skipped and how to enable it. A
 * {@code @TestFactory} returns {@link #skippedTest(String, String)} instead when the data is not
 * {@link #available()}, because Surefire does not count an aborted factory as skipped.
 *
 * <p>One setting says where the data is, first match wins:
 * <ol>
 *   <li>the system property {@value #PROPERTY} (the parent pom's surefire configuration passes
 *       {@code mvn -Dscimkit.conformance.dir=...} through);</li>
 *   <li>the environment variable {@value #ENV};</li>
 *   <li>{@code <repository>/../shared/conformance} when that directory exists (the repository root
 *       comes from the system property {@value #REPO_PROPERTY}, else from walking up from the working
 *       directory, as in an IDE).</li>
 * </ol>
 * A location that is configured explicitly but does not exist fails the test instead of skipping it,
 * so a typo never turns a conformance run into a silent pass.
 */
public final class SharedDir {

    /** System property naming the conformance directory. */
    public static final String PROPERTY = "scimkit.conformance.dir";
    /** Environment variable naming the conformance directory, read when the property is not set. */
    public static final String ENV = "SCIMKIT_CONFORMANCE_DIR";
    /** System property with the repository root, set by the parent pom for the default location. */
    public static final String REPO_PROPERTY = "scimkit.repo.dir";

    private static final String HOW_TO_ENABLE = "put the conformance data in ../shared/conformance beside the "
            + "repository, or set -D" + PROPERTY + "=/path/to/conformance (environment variable " + ENV + ")";

    private SharedDir() {
    }

    /** The conformance directory, if it is configured or found in the default place. */
    public static Optional<Path> find() {
        return locate(System.getProperty(PROPERTY), System.getenv(ENV), System.getProperty(REPO_PROPERTY),
                Paths.get(""));
    }

    /** Whether the conformance data is here (a file missing from it still fails the test that reads it). */
    public static boolean available() {
        return find().isPresent();
    }

    /**
     * One dynamic test that is skipped by {@link #conformanceFile(String, String)}'s assumption, for a
     * {@code @TestFactory} to return when the data is not {@link #available()}.
     */
    public static DynamicTest skippedTest(String relative, String what) {
        return DynamicTest.dynamicTest(what, () -> conformanceFile(relative, what));
    }

    /**
     * A file of the conformance data, for a test of {@code what} (for example "Okta's SCIM 2.0 SPEC
     * test"). Skips the calling test with a message naming {@code what} and the setting when the data
     * is absent; fails when the directory is there but the file is not.
     */
    public static Path conformanceFile(String relative, String what) {
        Optional<Path> dir = find();
        if (dir.isEmpty()) {
            // Surefire does not print an assumption's message; this line puts it in the build log.
            System.out.println("[scimkit] " + skipMessage(relative, what));
        }
        return conformanceFile(dir, relative, what);
    }

    static Path conformanceFile(Optional<Path> dir, String relative, String what) {
        if (dir.isEmpty()) {
            Assumptions.abort(skipMessage(relative, what));
        }
        Path file = dir.get().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The conformance directory " + dir.get() + " has no " + relative);
        }
        return file;
    }

    private static String skipMessage(String relative, String what) {
        return "Skipped " + what + ": the third-party conformance data (" + relative + ") is not here; to run it, "
                + HOW_TO_ENABLE;
    }

    /** The resolution order of the class comment, on explicit inputs so tests need not touch the JVM's. */
    static Optional<Path> locate(String property, String env, String repo, Path workingDir) {
        String configured = property != null && !property.isBlank() ? property : env;
        if (configured != null && !configured.isBlank()) {
            Path dir = Paths.get(configured).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("The conformance directory " + dir + " set by -D" + PROPERTY
                        + " or " + ENV + " does not exist");
            }
            return Optional.of(dir);
        }
        return repositoryRoot(repo, workingDir)
                .map(root -> root.resolveSibling("shared").resolve("conformance"))
                .filter(Files::isDirectory);
    }

    /** The given root, else the topmost directory with a pom.xml above the working directory. */
    private static Optional<Path> repositoryRoot(String repo, Path workingDir) {
        if (repo != null && !repo.isBlank()) {
            return Optional.of(Paths.get(repo).toAbsolutePath().normalize());
        }
        Path root = null;
        for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))) {
                root = dir;
            } else if (root != null) {
                break;
            }
        }
        return Optional.ofNullable(root);
    }
}
