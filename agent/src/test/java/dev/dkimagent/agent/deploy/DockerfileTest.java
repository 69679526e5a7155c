package dev.dkimagent.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** No Docker engine here: the Dockerfile is checked line by line. */
class DockerfileTest {

    private static final List<String> LINES = DeployFiles.read("deploy/docker/Dockerfile").lines()
            .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();

    private static final String DIGEST = "@sha256:[0-9a-f]{64}";

    @Test
    void stages_buildWithMavenAndRunOnTheJre_pinnedByDigest() {
        assertThat(instructions("FROM")).hasSize(2);
        assertThat(instructions("FROM").get(0)).matches("maven:3\\.9-eclipse-temurin-17" + DIGEST + " AS build");
        assertThat(instructions("FROM").get(1)).matches("eclipse-temurin:17-jre" + DIGEST);
        assertThat(DeployFiles.path("deploy/docker/pin-base-images.sh")).isExecutable();
    }

    @Test
    void build_resolvesDependenciesFromThePomsAloneBeforeTheSourcesArrive() {
        List<String> steps = LINES.stream().filter(l -> l.startsWith("COPY ") || l.startsWith("RUN mvn")).toList();

        assertThat(steps.subList(0, 5)).containsExactly("COPY pom.xml ./", "COPY rules/pom.xml rules/",
                "COPY agent/pom.xml agent/", "RUN mvn -B -q -DskipTests package", "COPY rules rules");
        assertThat(steps).containsSubsequence("COPY agent agent", "RUN mvn -B -q -DskipTests package");
    }

    @Test
    void healthcheck_probesHealthzWithTheImagesCurl() {
        String dockerfile = DeployFiles.read("deploy/docker/Dockerfile");

        assertThat(dockerfile).contains("HEALTHCHECK ", "CMD curl -fsS -o /dev/null http://127.0.0.1:9108/healthz")
                .doesNotContainIgnoringCase("no curl");
    }

    @Test
    void dockerignore_keepsOutBuildOutputStateAndSecrets_butKeepsEveryCopiedSource() {
        DockerIgnore ignore = DockerIgnore.read(DeployFiles.read(".dockerignore"));

        assertThat(List.of(".git/config", "agent/target/dkim-agent.jar", "rules/target/classes/x.class",
                "target/x", "deploy/kubernetes/secret.env", "README.md", "data/dkim-agent.mv.db",
                "agent/data/dkim-agent.mv.db")).allMatch(ignore::excludes);
        List<String> copied = instructions("COPY").stream().filter(arg -> !arg.startsWith("--from"))
                .map(arg -> arg.split(" ")[0]).toList();
        assertThat(copied).contains("rules", "agent", "deploy/systemd/dkim-agent.conf");
        assertThat(copied).noneMatch(ignore::excludes);
        assertThat(List.of("rules/src/main/java/A.java", "agent/src/main/resources/reference.conf"))
                .noneMatch(ignore::excludes);
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
