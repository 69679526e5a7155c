package dev.dkimagent.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** No Docker engine here: the Dockerfile is checked line by line. */
class DockerfileTest {

    private static final List<String> LINES = DeployFiles.read("deploy/docker/Dockerfile").lines()
            .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();

    @Test
    void stages_buildWithMavenAndRunOnTheJre() {
        assertThat(instructions("FROM")).containsExactly(
                "maven:3.9-eclipse-temurin-17 AS build", "eclipse-temurin:17-jre");
        assertThat(instructions("RUN")).contains("mvn -B -q -DskipTests package");
    }

    @Test
    void runtime_runsAsNonRootUser() {
        List<String> users = instructions("USER");
        assertThat(users).isNotEmpty();
        String last = users.get(users.size() - 1);
        assertThat(last.split(":")[0]).isNotIn("root", "0");
        assertThat(last).matches("[1-9][0-9]*(:[1-9][0-9]*)?");
    }

    @Test
    void files_comeOnlyFromTheContextOrTheBuildStage() {
        assertThat(instructions("ADD")).isEmpty();
        assertThat(instructions("COPY")).noneMatch(arg -> arg.contains("://"));
    }

    @Test
    void jarPath_matchesTheShadedJarTheBuildWrites() {
        String pom = DeployFiles.read("agent/pom.xml");
        assertThat(pom).contains("<outputFile>${project.build.directory}/dkim-agent.jar</outputFile>");
        assertThat(instructions("COPY"))
                .contains("--from=build /src/agent/target/dkim-agent.jar /usr/share/dkim-agent/dkim-agent.jar");
        assertThat(instructions("ENTRYPOINT")).singleElement().asString()
                .contains("-jar /usr/share/dkim-agent/dkim-agent.jar");
    }

    @Test
    void runtime_exposesMetricsAndKeepsState() {
        assertThat(instructions("EXPOSE")).containsExactly("9108");
        assertThat(instructions("VOLUME")).containsExactly("[\"/var/lib/dkim-agent\"]");
        assertThat(instructions("WORKDIR")).last().isEqualTo("/var/lib/dkim-agent");
    }

    /** The arguments of every instruction of this kind, in order (continuation lines not joined). */
    private static List<String> instructions(String keyword) {
        return LINES.stream().filter(line -> line.startsWith(keyword + " "))
                .map(line -> line.substring(keyword.length() + 1).strip()).toList();
    }
}
