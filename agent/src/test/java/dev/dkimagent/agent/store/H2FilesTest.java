package dev.dkimagent.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2FilesTest {

    @Test
    void connectUrl_embeddedFile_leavesClosingToTheAgentAndWritesEachCommit() {
        assertThat(H2Files.connectUrl("jdbc:h2:file:/var/lib/dkim-agent/state"))
                .isEqualTo("jdbc:h2:file:/var/lib/dkim-agent/state;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        assertThat(H2Files.connectUrl("jdbc:h2:./data/x;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:./data/x;MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    }

    @Test
    void connectUrl_reopening_neverCreatesTheFile() {
        assertThat(H2Files.connectUrl("jdbc:h2:file:/var/lib/dkim-agent/state", true))
                .isEqualTo("jdbc:h2:file:/var/lib/dkim-agent/state;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;IFEXISTS=TRUE");
        assertThat(H2Files.connectUrl("jdbc:postgresql://db:5432/dkim", true)).isEqualTo("jdbc:postgresql://db:5432/dkim");
    }

    @Test
    void dataFile_embeddedFile_isTheMvDbBesideThePath() {
        assertThat(H2Files.dataFile("jdbc:h2:file:/var/lib/dkim-agent/state;MODE=PostgreSQL"))
                .contains(java.nio.file.Path.of("/var/lib/dkim-agent/state.mv.db"));
        assertThat(H2Files.dataFile("jdbc:h2:mem:x")).isEmpty();
    }

    @Test
    void connectUrl_settingAlreadyGiven_keepsTheOperatorsChoice() {
        assertThat(H2Files.connectUrl("jdbc:h2:file:/tmp/x;db_close_on_exit=true"))
                .isEqualTo("jdbc:h2:file:/tmp/x;db_close_on_exit=true;WRITE_DELAY=0");
        assertThat(H2Files.connectUrl("jdbc:h2:file:/tmp/x;write_delay=500"))
                .isEqualTo("jdbc:h2:file:/tmp/x;write_delay=500;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void connectUrl_notAnEmbeddedFile_isUnchanged() {
        assertThat(H2Files.connectUrl("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(H2Files.connectUrl("jdbc:postgresql://db:5432/dkim")).isEqualTo("jdbc:postgresql://db:5432/dkim");
    }
}
