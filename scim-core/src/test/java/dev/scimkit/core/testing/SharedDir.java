package dev.scimkit.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Finds the shared folder beside the repository ({@code ../shared}, with {@code conformance/} in it)
 * for tests in any module: from the system property {@code scimkit.shared.dir} (the parent pom's
 * surefire configuration sets it), else by walking up from the working directory to a directory that
 * has a sibling {@code shared/conformance}.
 */
public final class SharedDir {

    public static final String PROPERTY = "scimkit.shared.dir";

    private SharedDir() {
    }

    /** The shared folder, if it can be found. */
    public static Optional<Path> find() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path p = Paths.get(configured).toAbsolutePath().normalize();
            if (Files.isDirectory(p.resolve("conformance"))) {
                return Optional.of(p);
            }
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve("shared"), dir.resolveSibling("shared")}) {
                if (candidate != null && Files.isDirectory(candidate.resolve("conformance"))) {
                    return Optional.of(candidate.normalize());
                }
            }
        }
        return Optional.empty();
    }

    /** The shared folder; fails the test with a clear message when it is missing. */
    public static Path get() {
        return find().orElseThrow(() -> new IllegalStateException("The shared folder (with conformance/) was not "
                + "found: set -D" + PROPERTY + "=/path/to/shared or run from inside the repository"));
    }

    /** {@code shared/conformance}. */
    public static Path conformance() {
        return get().resolve("conformance");
    }

    /** A file under {@code shared/conformance}, which must exist. */
    public static Path conformanceFile(String relative) {
        Path p = conformance().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("Missing conformance file " + p);
        }
        return p;
    }
}
