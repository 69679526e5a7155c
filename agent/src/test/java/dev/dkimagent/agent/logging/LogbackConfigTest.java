package dev.dkimagent.agent.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped logback.xml, loaded into a fresh context with the switches an operator sets. */
class LogbackConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void json_oneObjectPerLine_evenForAMessageWithQuotesAndANewline() throws Exception {
        List<String> lines = log(Map.of("dkim-agent.log.format", "json"), context -> {
            context.getLogger("dev.dkimagent.agent.dns.Discovery").info("zone \"a.com\"\nnot found");
            context.getLogger("dev.dkimagent.agent.Main").warn("second");
        });

        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.path("level").asText()).isEqualTo("INFO");
        assertThat(first.path("loggerName").asText()).isEqualTo("dev.dkimagent.agent.dns.Discovery");
        assertThat(first.path("message").asText()).isEqualTo("zone \"a.com\"\nnot found");
        assertThat(JSON.readTree(lines.get(1)).path("level").asText()).isEqualTo("WARN");
    }

    @Test
    void text_isTheDefault_oneLineWithTimeLevelAndLogger() throws Exception {
        List<String> lines = log(Map.of(), context -> context.getLogger("dev.dkimagent.agent.Main").info("started"));

        assertThat(lines).singleElement().asString()
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S* \\[INFO] Main - started");
    }

    @Test
    void librariesSpeakOnlyWhenSomethingIsWrong_theAgentAtInfo() throws Exception {
        List<String> lines = log(Map.of(), context -> {
            context.getLogger("org.quartz.core.QuartzScheduler").info("quartz chatter");
            context.getLogger("software.amazon.awssdk.request").info("sdk chatter");
            context.getLogger("org.quartz.core.QuartzScheduler").warn("quartz problem");
            context.getLogger("dev.dkimagent.agent.dns.Discovery").debug("agent debug");
        });

        assertThat(lines).singleElement().asString().contains("quartz problem");
    }

    @Test
    void levelsFile_setsLevelsPerPackage() throws Exception {
        Path levels = dir.resolve("logging.xml");
        Files.writeString(levels, """
                <included>
                  <logger name="dev.dkimagent.agent.dns" level="DEBUG"/>
                  <logger name="org.quartz" level="INFO"/>
                </included>
                """);

        List<String> lines = log(Map.of("dkim-agent.log.levels-file", levels.toString()), context -> {
            context.getLogger("dev.dkimagent.agent.dns.Discovery").debug("dns debug");
            context.getLogger("dev.dkimagent.agent.alert.Lifecycle").debug("alert debug");
            context.getLogger("org.quartz.core.QuartzScheduler").info("quartz info");
        });

        assertThat(lines).hasSize(2).anyMatch(l -> l.contains("dns debug")).anyMatch(l -> l.contains("quartz info"));
    }

    @Test
    void agentLevel_switchesTheAgentsLoggersOnly() throws Exception {
        List<String> lines = log(Map.of("dkim-agent.log.level", "debug"), context -> {
            context.getLogger("dev.dkimagent.agent.alert.Lifecycle").debug("alert debug");
            context.getLogger("org.h2.jdbc").info("h2 info");
        });

        assertThat(lines).singleElement().asString().contains("alert debug");
    }

    @Test
    void configuration_loadsWithoutWarnings_soLogbackPrintsNoStatusAtStart() throws Exception {
        for (String format : List.of("text", "json")) {
            LoggerContext context = configured(Map.of("dkim-agent.log.format", format));
            assertThat(new ch.qos.logback.core.status.StatusUtil(context).getHighestLevel(0)).as(format)
                    .isLessThan(ch.qos.logback.core.status.Status.WARN);
            context.stop();
        }
    }

    private LoggerContext configured(Map<String, String> properties) throws JoranException {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        properties.forEach(context::putProperty);
        if (!properties.containsKey("dkim-agent.log.levels-file")) {
            context.putProperty("dkim-agent.log.levels-file", dir.resolve("absent.xml").toString());
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogbackConfigTest.class.getResource("/logback.xml"));
        return context;
    }

    private interface Logging {
        void run(LoggerContext context);
    }

    /** Configures a fresh context from logback.xml with these properties and returns what it wrote to stderr. */
    private List<String> log(Map<String, String> properties, Logging logging) throws JoranException, IOException {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggerContext context = null;
        try {
            context = configured(properties);
            logging.run(context);
        } finally {
            if (context != null) {
                context.stop();
            }
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
}
