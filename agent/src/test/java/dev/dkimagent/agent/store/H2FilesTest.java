package dev.dkimagent.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2FilesTest {

    @Test
    void connectUrl_embeddedFile_leavesClosingToTheAgent() {
        assertThat(H2Files.connectUrl("jdbc:h2:file:/var/lib/dkim-agent/state"))
                .isEqualTo("jdbc:h2:file:/var/lib/dkim-agent/state;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(H2Files.connectUrl("jdbc:h2:./data/x;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:./data/x;MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void connectUrl_settingAlreadyGiven_keepsTheOperatorsChoice() {
        assertThat(H2Files.connectUrl("jdbc:h2:file:/tmp/x;db_close_on_exit=true"))
                .isEqualTo("jdbc:h2:file:/tmp/x;db_close_on_exit=true");
    }

    @Test
    void connectUrl_notAnEmbeddedFile_isUnchanged() {
        assertThat(H2Files.connectUrl("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(H2Files.connectUrl("jdbc:postgresql://db:5432/dkim")).isEqualTo("jdbc:postgresql://db:5432/dkim");
    }
}
