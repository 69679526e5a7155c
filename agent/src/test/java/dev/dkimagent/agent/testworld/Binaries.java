package dev.dkimagent.agent.testworld;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the Debian server binaries the test world runs; a missing one is an error, never a skip. */
public final class Binaries {
    public static final String INSTALL_HINT = "run scripts/install-test-deps.sh";

    // Servers live in sbin, which a non-login PATH (IDE, CI runner) may lack.
    private static final List<String> EXTRA_DIRS = List.of("/usr/local/sbin", "/usr/sbin", "/sbin");

    private Binaries() {
    }

    /** Absolute path of an executable named {@code name}, or IllegalStateException naming it. */
    public static String require(String name) {
        for (Path dir : searchPath()) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(
                "test server binary '" + name + "' not found on PATH or in " + EXTRA_DIRS + ": " + INSTALL_HINT);
    }

    private static List<Path> searchPath() {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                dirs.add(Path.of(dir));
            }
        }
        EXTRA_DIRS.forEach(dir -> dirs.add(Path.of(dir)));
        return dirs;
    }
}
