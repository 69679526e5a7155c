package dev.dkimagent.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The arrows DESIGN.md forbids on the agent side (rules -> agent is enforced by the rules pom):
 * probes return observations and know nothing of alerting, metrics or scheduling, and alerting
 * never queries DNS or SES itself.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/dkimagent/agent");

    @Test
    void dnsAndInventory_neverImportAlertMetricsOrSchedule() {
        for (String probe : List.of("dns", "inventory")) {
            assertThat(importsOf(probe)).as(probe).noneMatch(i -> i.startsWith("dev.dkimagent.agent.alert")
                    || i.startsWith("dev.dkimagent.agent.metrics") || i.startsWith("dev.dkimagent.agent.schedule"));
        }
    }

    @Test
    void alert_neverImportsDnsOrInventory() {
        assertThat(importsOf("alert")).noneMatch(i -> i.startsWith("dev.dkimagent.agent.dns")
                || i.startsWith("dev.dkimagent.agent.inventory"));
    }

    @Test
    void importsOf_readsRealSources() {
        assertThat(importsOf("dns")).contains("dev.dkimagent.rules.model.Answer");
    }

    private static List<String> importsOf(String pkg) {
        List<String> imports = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Files.readAllLines(file).stream()
                        .filter(line -> line.startsWith("import "))
                        .map(line -> line.substring("import ".length()).replace(";", "").replace("static ", "").trim())
                        .forEach(imports::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return imports;
    }
}
