package dev.dkimagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bounds keep ordinary configurations working; the bombs themselves run against the jar in ConfigBombsIT. */
class ConfigBoundsTest {
    @TempDir
    Path dir;

    @Test
    void include_ofOrdinaryFiles_isReadAsBefore() throws Exception {
        write("parts/dns.conf", "dkim-agent.dns.timeout = 3s\ninclude \"more\"\n");
        write("parts/more.conf", "dkim-agent.dns.attempts = 4\n");
        write("http.conf", "dkim-agent.http.port = 9999\n");
        Path config = write("dkim-agent.conf", "include \"parts/dns.conf\"\ninclude file(\"" + dir.resolve("http.conf")
                + "\")\n");

        Settings settings = SettingsLoader.load(config, ConfigFixtures.CODES);

        assertThat(settings.dns().timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.dns().attempts()).isEqualTo(4);
        assertThat(settings.http().port()).isEqualTo(9999);
    }

    @Test
    void include_overTheNetwork_isRefusedAtItsLine() throws Exception {
        Path config = write("dkim-agent.conf", "dkim-agent {}\ninclude url(\"https://example.com/x.conf\")\n");

        assertThatThrownBy(() -> SettingsLoader.load(config, ConfigFixtures.CODES))
                .isInstanceOf(ConfigException.class)
                .hasMessage("dkim-agent.conf: 2: include url(\"https://example.com/x.conf\"): only files are"
                        + " included (a configuration must not depend on the network); save it as a file and include"
                        + " that");
    }

    @Test
    void nesting_atTheBound_isFine_oneDeeperIsRefused() throws Exception {
        String inside = "{a = ".repeat(ConfigLimits.MAX_NESTING - 2) + "1" + "}".repeat(ConfigLimits.MAX_NESTING - 2);
        Path fine = write("fine.conf", "dkim-agent { x = {a = " + inside + "} }\n");
        Path deep = write("deep.conf", "dkim-agent { x = {a = {b = " + inside + "}} }\n");

        assertThatThrownBy(() -> SettingsLoader.load(fine, ConfigFixtures.CODES))
                .hasMessageContaining("dkim-agent.x: unknown key");
        assertThatThrownBy(() -> SettingsLoader.load(deep, ConfigFixtures.CODES))
                .hasMessage("deep.conf: 1: objects and lists nest deeper than 64 levels; a configuration needs fewer"
                        + " than 10");
    }

    @Test
    void nestingScan_ignoresBracesInStringsAndComments() {
        String text = "a = \"{{{{\" # {{{{\n b = \"\"\"{{{{\n{{{{\"\"\" // [[[[\n c = {d = [1]}\n";

        assertThat(NestingScan.lineDeeperThan(text, 2)).isEmpty();
        assertThat(NestingScan.lineDeeperThan(text, 1)).hasValue(4);
    }

    @Test
    void substitutions_thatRepeatAValueAFewTimes_areFine() throws Exception {
        Settings settings = ConfigFixtures.load("""
                dkim-agent.zones {
                  "a.test" { nameservers = ["192.0.2.1"] }
                  "b.test" = ${dkim-agent.zones."a.test"}
                  "c.test" = ${dkim-agent.zones."b.test"}
                }
                """);

        assertThat(settings.zoneNameservers()).containsOnlyKeys("a.test", "b.test", "c.test")
                .allSatisfy((zone, nameservers) -> assertThat(nameservers).containsExactly("192.0.2.1"));
    }

    @Test
    void substitutions_aListRepeatingALargeValue_isRefusedAtTheList() {
        String megabyte = "x".repeat(1024 * 1024);
        String hundredTimes = String.join(", ", java.util.Collections.nCopies(100, "${dkim-agent.x}"));

        assertThat(ConfigFixtures.problems("dkim-agent.x = \"" + megabyte + "\"\ndkim-agent.y = [" + hundredTimes
                + "]\n")).containsExactly("dkim-agent.conf: 2: dkim-agent.y: substitutions expand to more than 64 MiB"
                + " (values that repeat other values many times over); write the values out");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
