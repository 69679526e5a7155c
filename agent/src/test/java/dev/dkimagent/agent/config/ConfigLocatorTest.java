package dev.dkimagent.agent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLocatorTest {
    @TempDir
    Path work;
    @TempDir
    Path etc;

    @Test
    void locate_explicitPath_winsOverEverythingElse() throws Exception {
        Path explicit = touch(work.resolve("custom.conf"));
        Path fromEnv = touch(work.resolve("env.conf"));
        touch(work.resolve("dkim-agent.conf"));

        Path found = locate(Path.of("custom.conf"), Map.of("DKIM_AGENT_CONFIG", fromEnv.toString()));

        assertThat(found).isEqualTo(explicit);
    }

    @Test
    void locate_explicitPathMissing_failsWithoutFallingBack() throws Exception {
        touch(work.resolve("dkim-agent.conf"));

        assertThatThrownBy(() -> locate(Path.of("custom.conf"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("configuration file " + work.resolve("custom.conf") + " (given with --config) does not exist");
    }

    @Test
    void locate_environmentVariable_winsOverTheWorkingDirectory() throws Exception {
        Path fromEnv = touch(work.resolve("env.conf"));
        touch(work.resolve("dkim-agent.conf"));

        assertThat(locate(null, Map.of("DKIM_AGENT_CONFIG", fromEnv.toString()))).isEqualTo(fromEnv);
    }

    @Test
    void locate_environmentVariableMissingFile_saysWhereThePathCameFrom() {
        Path missing = work.resolve("gone.conf");

        assertThatThrownBy(() -> locate(null, Map.of("DKIM_AGENT_CONFIG", missing.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("configuration file " + missing + " (from $DKIM_AGENT_CONFIG) does not exist");
    }

    @Test
    void locate_environmentVariableNamesADirectory_saysItIsNotAFile() {
        assertThatThrownBy(() -> locate(null, Map.of("DKIM_AGENT_CONFIG", etc.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("configuration file " + etc + " (from $DKIM_AGENT_CONFIG) is not a regular file");
    }

    @Test
    void locate_blankEnvironmentVariable_isIgnored() throws Exception {
        Path local = touch(work.resolve("dkim-agent.conf"));

        assertThat(locate(null, Map.of("DKIM_AGENT_CONFIG", " "))).isEqualTo(local);
    }

    @Test
    void locate_workingDirectoryFile_winsOverTheSystemFile() throws Exception {
        Path local = touch(work.resolve("dkim-agent.conf"));
        touch(etc.resolve("dkim-agent.conf"));

        assertThat(locate(null, Map.of())).isEqualTo(local);
    }

    @Test
    void locate_onlySystemFile_isUsed() throws Exception {
        Path system = touch(etc.resolve("dkim-agent.conf"));

        assertThat(locate(null, Map.of())).isEqualTo(system);
    }

    @Test
    void locate_nothingFound_explainsWhatItTried() {
        assertThatThrownBy(() -> locate(null, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("no configuration file found: tried " + work.resolve("dkim-agent.conf")
                        + " (working directory) and " + etc.resolve("dkim-agent.conf")
                        + "; pass --config FILE or set $DKIM_AGENT_CONFIG");
    }

    @Test
    void publicLocate_searchesTheDocumentedSystemFile() {
        assertThat(ConfigLocator.SYSTEM_FILE).isEqualTo(Path.of("/etc/dkim-agent/dkim-agent.conf"));
    }

    private Path locate(Path explicit, Map<String, String> env) throws ConfigException {
        return ConfigLocator.locate(explicit, env, work, etc.resolve("dkim-agent.conf"));
    }

    private static Path touch(Path file) throws IOException {
        return Files.writeString(file, "dkim-agent {}\n");
    }
}
