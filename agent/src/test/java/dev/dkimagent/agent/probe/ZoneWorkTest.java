package dev.dkimagent.agent.probe;

import dev.dkimagent.rules.model.EasyDkimRecords;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ZoneWorkTest {

    @Test
    void withRecordsBuilt_buildsEachRecordOnce_andIsEqualToTheZoneItCameFrom() {
        Identity compact = new Identity("a.com", "config",
                EasyDkimRecords.of("a.com", "dkim.amazonses.com", List.of("t1", "t2")));
        ZoneWork located = new ZoneWork("a.com", List.of(compact), null);

        ZoneWork inFlight = located.withRecordsBuilt();

        assertThat(inFlight).isEqualTo(located);
        List<ExpectedRecord> records = inFlight.identities().get(0).records();
        assertThat(records).isNotInstanceOf(EasyDkimRecords.class);
        assertThat(records.get(0)).isSameAs(records.get(0)); // built once, not on each read
        assertThat(compact.records().get(0)).isNotSameAs(compact.records().get(0));
    }

    @Test
    void withRecordsBuilt_keepsAZoneThatWasNotFound() {
        ZoneWork unresolved = new ZoneWork("b.com", List.of(), "NXDOMAIN");

        assertThat(unresolved.withRecordsBuilt()).isEqualTo(unresolved);
        assertThat(unresolved.withRecordsBuilt().located()).isFalse();
    }
}
