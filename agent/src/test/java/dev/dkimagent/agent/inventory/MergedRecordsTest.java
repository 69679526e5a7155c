package dev.dkimagent.agent.inventory;

import dev.dkimagent.rules.model.EasyDkimRecords;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.RecordType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MergedRecordsTest {
    private static final EasyDkimRecords EASY = EasyDkimRecords.of("a.com", "dkim.amazonses.com", List.of("t1", "t2"));
    private static final ExpectedRecord T1 = EASY.get(0);
    private static final ExpectedRecord T2 = EASY.get(1);
    private static final ExpectedRecord T3 =
            new ExpectedRecord("t3", "t3._domainkey.a.com", RecordType.CNAME, "t3.dkim.amazonses.com");

    @Test
    void compactRecords_stayTheSameList_whileLaterSourcesAddNothing() {
        MergedRecords merged = new MergedRecords();
        merged.add(EASY);
        assertThat(merged.list()).isSameAs(EASY);

        merged.add(List.of(T2, T1));
        assertThat(merged.list()).isSameAs(EASY);
    }

    @Test
    void aNewRecord_givesAPlainList_inFirstSeenOrder() {
        MergedRecords merged = new MergedRecords();
        merged.add(EASY);
        merged.add(List.of(T3, T1));

        assertThat(merged.list()).isNotInstanceOf(EasyDkimRecords.class).containsExactly(T1, T2, T3);
    }

    @Test
    void plainLists_areDeDuplicated() {
        MergedRecords merged = new MergedRecords();
        merged.add(List.of(T1, T1, T2));
        assertThat(merged.list()).containsExactly(T1, T2);
        assertThat(new MergedRecords().list()).isEmpty();
    }

    @Test
    void identitiesMerge_keepsAConfiguredIdentitysCompactRecords() {
        Identity configured = new Identity("a.com", "config", EASY);
        Identity ses = new Identity("a.com", "ses:default/eu-west-1", List.of(T1));
        Identity other = new Identity("b.com", "ses:default/eu-west-1", List.of(T3));

        List<Identity> merged = Identities.merge(List.of(configured), List.of(ses, other));

        assertThat(merged).extracting(Identity::name).containsExactly("a.com", "b.com");
        assertThat(merged.get(0).records()).isSameAs(EASY);
        assertThat(merged.get(0).source()).isEqualTo("config,ses:default/eu-west-1");
    }
}
