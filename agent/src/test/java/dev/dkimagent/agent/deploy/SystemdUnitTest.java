package dev.dkimagent.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SystemdUnitTest {

    private static final String UNIT = "deploy/systemd/dkim-agent.service";
    private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d+)");

    @Test
    void securityAnalysis_scoresTwoOrLower() {
        Tool.Result result = Tool.run(DeployFiles.root(), "apt-get install systemd", "systemd-analyze",
                "security", "--offline=true", "--no-pager", DeployFiles.path(UNIT).toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).as("systemd-analyze must not ignore any line").doesNotContain("ignoring");
        Matcher matcher = EXPOSURE.matcher(result.output());
        assertThat(matcher.find()).as(result.output()).isTrue();
        assertThat(Double.parseDouble(matcher.group(1))).as(result.output()).isLessThanOrEqualTo(2.0);
    }

    @Test
    void unit_runsTheJarWithStateSecretsAndNoWxRestriction() {
        String unit = DeployFiles.read(UNIT);

        assertThat(unit).contains(
                "EnvironmentFile=-/etc/dkim-agent/env",
                "StateDirectory=dkim-agent",
                "WorkingDirectory=/var/lib/dkim-agent",
                "DynamicUser=yes",
                "ProtectSystem=strict",
                "NoNewPrivileges=yes",
                "\nCapabilityBoundingSet=\n",
                "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX",
                "SystemCallFilter=@system-service",
                "LimitNOFILE=65536",
                "-jar /usr/share/dkim-agent/dkim-agent.jar run --config /etc/dkim-agent/dkim-agent.conf");
        assertThat(unit).contains("\nRestartPreventExitStatus=2\n");
        // The JIT needs writable+executable memory: the directive may appear only in a comment.
        assertThat(unit.lines().filter(line -> line.startsWith("MemoryDenyWriteExecute"))).isEmpty();
    }

    /** Every file Documentation= names is put there by the install steps of docs/operations.md. */
    @Test
    void documentation_pointsAtWhatTheInstallStepsInstall() {
        String steps = KustomizeBuildTest.section(DeployFiles.read("docs/operations.md"), "### systemd");
        java.util.List<String> files = DeployFiles.read(UNIT).lines().filter(l -> l.startsWith("Documentation="))
                .flatMap(l -> java.util.Arrays.stream(l.substring("Documentation=".length()).split(" ")))
                .filter(uri -> uri.startsWith("file://")).map(uri -> uri.substring("file://".length())).toList();

        assertThat(files).isNotEmpty();
        for (String file : files) {
            assertThat(steps).containsPattern("install [^\\n]* " + java.util.regex.Pattern.quote(file));
        }
        assertThat(steps).contains("openjdk-17-jre-headless", "Java 17");
    }
}
