package dev.dkimagent.agent.config;

import dev.dkimagent.agent.cluster.ConfigHash;
import dev.dkimagent.rules.model.Identity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.dkimagent.agent.config.IdentityFileReaderTest.easyDkim;
import static org.assertj.core.api.Assertions.assertThat;

/** dkim-agent.identity-files through the loader, as check, run and validate-config read it. */
class IdentityFilesTest {
    @TempDir
    Path dir;

    @Test
    void load_relativePath_isTakenFromTheConfigFilesDirectory() throws Exception {
        write("etc/lists/eu.txt", "a.com t1 t2 t3\n");
        Path config = write("etc/dkim-agent.conf", "dkim-agent.identity-files = [\"lists/eu.txt\"]\n");

        Settings settings = SettingsLoader.load(config, ConfigFixtures.CODES);

        assertThat(settings.identities()).containsExactly(new Identity("a.com", "config", List.of(
                easyDkim("t1", "a.com", "dkim.amazonses.com"), easyDkim("t2", "a.com", "dkim.amazonses.com"),
                easyDkim("t3", "a.com", "dkim.amazonses.com"))));
    }

    @Test
    void load_pathInAnIncludedFile_isTakenFromThatFilesDirectory() throws Exception {
        write("shared/ids.txt", "a.com t1\n");
        write("shared/identities.conf", "dkim-agent.identity-files = [\"ids.txt\"]\n");
        Path config = write("etc/dkim-agent.conf", "include file(\"" + dir.resolve("shared/identities.conf") + "\")\n");

        assertThat(SettingsLoader.load(config, ConfigFixtures.CODES).identities())
                .extracting(Identity::name).containsExactly("a.com");
    }

    @Test
    void load_hoconIdentitiesAndFiles_giveAllOfThemInOrder() throws Exception {
        write("one.txt", "b.com t1\n");
        write("two.txt", "c.com t1\n");
        Path config = write("dkim-agent.conf", """
                dkim-agent {
                  identities = [ { domain = "a.com", tokens = [t1] } ]
                  identity-files = ["one.txt", "%s"]
                }
                """.formatted(dir.resolve("two.txt")));

        assertThat(SettingsLoader.load(config, ConfigFixtures.CODES).identities())
                .extracting(Identity::name).containsExactly("a.com", "b.com", "c.com");
    }

    @Test
    void load_domainInHoconAndInFiles_namesBothPlaces() throws Exception {
        write("one.txt", "x.com t1\na.com t2\n");
        write("two.txt", "\nx.com t3\n");
        Path config = write("dkim-agent.conf", """
                dkim-agent {
                  identities = [ { domain = "a.com", tokens = [t1] } ]
                  identity-files = ["one.txt", "two.txt"]
                }
                """);

        assertThat(problems(config)).containsExactly(
                "one.txt: 2: duplicate domain 'a.com', already at dkim-agent.identities[0].domain"
                        + " (dkim-agent.conf: 2); list each domain once",
                "two.txt: 2: duplicate domain 'x.com', already at one.txt: 1; list each domain once");
    }

    @Test
    void load_fileProblems_comeWithTheConfigsOwn() throws Exception {
        write("ids.txt", "a.com\n");
        Path config = write("dkim-agent.conf", """
                dkim-agent {
                  dns.timeout = soon
                  identity-files = ["ids.txt"]
                }
                """);

        assertThat(problems(config)).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.dns.timeout: expected a duration such as 500ms, 2s, 5m or 1d,"
                        + " got 'soon'",
                "ids.txt: 1: expected 1 to 3 DKIM tokens after the domain, got 0");
    }

    @Test
    void load_missingFileDirectoryOrEmptyPath_namesTheKeyAndThePath() throws Exception {
        Files.createDirectories(dir.resolve("lists"));
        Path config = write("dkim-agent.conf", """
                dkim-agent.identity-files = [
                  "nowhere.txt"
                  "lists"
                  ""
                ]
                """);

        assertThat(problems(config)).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.identity-files[0]: identity file 'nowhere.txt' does not exist: "
                        + dir.resolve("nowhere.txt") + " (a relative path is taken from the directory of the file"
                        + " that sets it)",
                "dkim-agent.conf: 3: dkim-agent.identity-files[1]: identity file 'lists' is a directory, not a file: "
                        + dir.resolve("lists") + " (a relative path is taken from the directory of the file that"
                        + " sets it)",
                "dkim-agent.conf: 4: dkim-agent.identity-files[2]: expected a path to an identity file, got ''");
    }

    @Test
    void load_notARegularFile_isRefused() throws Exception {
        Path config = write("dkim-agent.conf", "dkim-agent.identity-files = [\"/dev/zero\"]\n");

        assertThat(problems(config)).containsExactly("dkim-agent.conf: 1: dkim-agent.identity-files[0]: identity file"
                + " '/dev/zero' is not a regular file (only regular files are read): /dev/zero");
    }

    @Test
    void load_sameFileTwice_isOneProblem() throws Exception {
        write("ids.txt", "a.com t1\n");
        Path config = write("dkim-agent.conf", "dkim-agent.identity-files = [\"ids.txt\", \"./ids.txt\"]\n");

        assertThat(problems(config)).containsExactly("dkim-agent.conf: 1: dkim-agent.identity-files[1]: names the"
                + " same file as dkim-agent.identity-files[0]; list each file once");
    }

    @Test
    void load_notAList_isRejected() throws Exception {
        Path config = write("dkim-agent.conf", "dkim-agent.identity-files = \"ids.txt\"\n");

        assertThat(problems(config)).containsExactly("dkim-agent.conf: 1: dkim-agent.identity-files: expected a list"
                + " of paths to identity files, got 'ids.txt'");
    }

    @Test
    void load_pathFromTheEnvironment_isNeverShown() throws Exception {
        String path = System.getenv("PATH");
        assertThat(path).as("PATH is set in every test environment").hasSizeGreaterThan(4);
        Path config = write("dkim-agent.conf", "dkim-agent.identity-files = [${?PATH}]\n");

        assertThat(problems(config)).singleElement().satisfies(problem -> assertThat(problem)
                .startsWith("dkim-agent.conf: 1: dkim-agent.identity-files[0]: identity file (not shown")
                .contains("does not exist")
                .doesNotContain(path));
    }

    @Test
    void configHash_differsWhenOnlyTheIdentityFileDiffers() throws Exception {
        Path config = write("dkim-agent.conf", "dkim-agent.identity-files = [\"ids.txt\"]\n");
        write("ids.txt", "a.com t1 t2 t3\n");
        ConfigHash before = ConfigHash.of(SettingsLoader.load(config, ConfigFixtures.CODES), "1.0");
        write("ids.txt", "a.com t1 t2 t4\n");
        ConfigHash after = ConfigHash.of(SettingsLoader.load(config, ConfigFixtures.CODES), "1.0");

        assertThat(after.sha256()).isNotEqualTo(before.sha256());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static List<String> problems(Path config) {
        try {
            SettingsLoader.load(config, ConfigFixtures.CODES);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected " + config + " to be rejected");
    }
}
