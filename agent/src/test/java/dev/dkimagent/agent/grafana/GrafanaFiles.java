package dev.dkimagent.agent.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the repository's grafana/ and docs/ files from wherever Maven runs the tests. */
final class GrafanaFiles {
    static final String DASHBOARDS = "grafana/dashboards";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GrafanaFiles() {
    }

    /** The nearest directory up from the working directory holding grafana/ and a pom.xml. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("grafana")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no grafana/ directory above " + Path.of("").toAbsolutePath());
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every dashboard JSON file, parsed, in file name order. */
    static List<Dashboard> dashboards() {
        try (Stream<Path> files = Files.list(path(DASHBOARDS))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted()
                    .map(GrafanaFiles::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Dashboard parse(Path file) {
        try {
            return new Dashboard(file.getFileName().toString(), JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }
}
