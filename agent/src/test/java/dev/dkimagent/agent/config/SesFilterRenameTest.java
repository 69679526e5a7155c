package dev.dkimagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** ses.match / ses.ignore need no quotes; the old "include" / exclude still work, with a warning. */
class SesFilterRenameTest {
    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(SesReader.class);

    @BeforeEach
    void listen() {
        warnings.start();
        logger.addAppender(warnings);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(warnings);
    }

    @Test
    void match_unquotedInsideTheBlock_parsesWithoutWarnings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dkim-agent.conf");
        Files.writeString(file, "dkim-agent.ses {\n  match = [\"*.mycompany.com\"]\n  ignore = [\"test.*\"]\n}\n");

        SesSettings ses = SettingsLoader.load(file, ConfigFixtures.CODES).ses();

        assertThat(ses.include()).containsExactly("*.mycompany.com");
        assertThat(ses.exclude()).containsExactly("test.*");
        assertThat(warnings.list).isEmpty();
    }

    @Test
    void defaults_matchEverythingAndIgnoreNothing() throws ConfigException {
        SesSettings ses = ConfigFixtures.load("dkim-agent.ses.enabled = true").ses();

        assertThat(ses.include()).containsExactly("*");
        assertThat(ses.exclude()).isEmpty();
        assertThat(warnings.list).isEmpty();
    }

    @Test
    void oldNames_stillWork_withAWarningSayingWhereAndWhatToWrite() throws ConfigException {
        SesSettings ses = ConfigFixtures.load("""
                dkim-agent.ses {
                  "include" = ["*.mycompany.com"]
                  exclude = ["test.*"]
                }
                """).ses();

        assertThat(ses.include()).containsExactly("*.mycompany.com");
        assertThat(ses.exclude()).containsExactly("test.*");
        List<String> messages = warnings.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(messages).containsExactlyInAnyOrder(
                "dkim-agent.conf: 2: dkim-agent.ses.include is deprecated, rename it to match (same globs, no quotes"
                        + " needed); the old name will be removed in a later release",
                "dkim-agent.conf: 3: dkim-agent.ses.exclude is deprecated, rename it to ignore (same globs, no quotes"
                        + " needed); the old name will be removed in a later release");
    }

    @Test
    void oldAndNewNameTogether_isAnError() {
        assertThat(ConfigFixtures.problems("""
                dkim-agent.ses {
                  match = ["a.*"]
                  "include" = ["b.*"]
                }
                """)).containsExactly("dkim-agent.conf: 3: dkim-agent.ses.include: 'include' is the old name of 'match':"
                + " set only 'match'");
    }

    @Test
    void throttleBudget_isADurationOfZeroOrMore_defaulting2m() throws ConfigException {
        assertThat(ConfigFixtures.load("dkim-agent.ses.enabled = true").ses().throttleBudget())
                .isEqualTo(java.time.Duration.ofMinutes(2));
        assertThat(ConfigFixtures.load("dkim-agent.ses.throttle-budget = 0s").ses().throttleBudget()).isZero();
        assertThat(ConfigFixtures.problems("dkim-agent.ses.throttle-budget = -1s")).singleElement().asString()
                .startsWith("dkim-agent.conf: 1: dkim-agent.ses.throttle-budget: ");
    }
}
