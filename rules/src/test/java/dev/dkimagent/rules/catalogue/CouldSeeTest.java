package dev.dkimagent.rules.catalogue;

import static dev.dkimagent.rules.catalogue.TestWorld.NS1;
import static dev.dkimagent.rules.catalogue.TestWorld.NS3;
import static dev.dkimagent.rules.catalogue.TestWorld.rcode;
import static dev.dkimagent.rules.catalogue.TestWorld.timeout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.Judgement;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.ZoneView;
import org.junit.jupiter.api.Test;

/** Judgement.couldSee: "was this judged?" from the persisted strings of a finding, read off the cells. */
class CouldSeeTest {
    private static final String ZONE = TestWorld.ZONE;
    private static final String ID = TestWorld.IDENTITY;

    @Test
    void couldSee_cellJudged_isTrue() {
        assertThat(TestWorld.healthy().judge().couldSee("DKIM01", "RECORD_MISSING", ID, ZONE, "t2", NS3.address())).isTrue();
    }

    @Test
    void couldSee_serverUnreachable_keepsItsRecordAndSoaFindingsButJudgesTheServerFinding() {
        Judgement j = TestWorld.healthy().soa(NS3, timeout()).judge();

        assertThat(j.couldSee("DKIM01", "RECORD_MISSING", ID, ZONE, "t2", NS3.address())).isFalse();
        assertThat(j.couldSee("SOA01", "MULTIPLE_SOA_SERIALS", null, ZONE, null, NS3.address())).isFalse();
        assertThat(j.couldSee("NS01", "NS_UNREACHABLE", null, ZONE, null, NS3.address())).isTrue();
        assertThat(j.couldSee("DKIM01", "RECORD_MISSING", ID, ZONE, "t2", NS1.address())).isTrue();
    }

    @Test
    void couldSee_oneRecordQueryFailed_onlyThatCellIsUnjudged() {
        Judgement j = TestWorld.healthy().answer("t2", "CNAME", NS3, rcode(Answer.SERVFAIL)).judge();

        assertThat(j.couldSee("DKIM01", "RECORD_MISSING", ID, ZONE, "t2", NS3.address())).isFalse();
        assertThat(j.couldSee("DKIM01", "RECORD_MISSING", ID, ZONE, "t1", NS3.address())).isTrue();
        assertThat(j.couldSee("SOA01", "MULTIPLE_SOA_SERIALS", null, ZONE, null, NS3.address())).isFalse();
    }

    @Test
    void couldSee_addressNoLongerInTheZone_isFalse() {
        assertThat(TestWorld.healthy().judge().couldSee("DKIM01", "RECORD_MISSING", ID, ZONE, "t2", "127.0.0.99")).isFalse();
    }

    @Test
    void couldSee_zoneNotFound_judgesOnlyTheZoneFinding() {
        Judgement j = TestWorld.healthy().zone(ZoneView.failed(ZONE, "no SOA")).judge();

        assertThat(j.couldSee("DKIM01", "RECORD_MISSING", ID, ZONE, "t2", NS3.address())).isFalse();
        assertThat(j.couldSee("DKIM05", "KEY_MISSING", ID, ZONE, "t2", null)).isFalse();
        assertThat(j.couldSee("NS01", "ZONE_UNRESOLVED", ID, ZONE, null, null)).isTrue();
    }

    @Test
    void couldSee_keyNotRead_keepsTheKeyFindingsOfThatSelectorButJudgesKeyNotRead() {
        Judgement j = TestWorld.healthy().key(TestWorld.target("t2"), timeout()).judge();

        assertThat(j.couldSee("DKIM05", "KEY_MISSING", ID, ZONE, "t2", null)).isFalse();
        assertThat(j.couldSee("DKIM05", "KEY_WEAK", ID, ZONE, "t2", null)).isFalse();
        assertThat(j.couldSee("DKIM05", "KEY_NOT_READ", ID, ZONE, "t2", null)).isTrue();
        assertThat(j.couldSee("DKIM05", "KEY_MISSING", ID, ZONE, "t1", null)).isTrue();
        assertThat(j.couldSee("DKIM05", "KEY_MISSING", ID, ZONE, "gone", null)).as("a selector no longer expected").isTrue();
    }

    @Test
    void couldSee_findingWithoutAddress_isJudgedWhenTheZoneWasFound() {
        assertThat(TestWorld.healthy().judge().couldSee("DKIM02", "NAMESERVERS_DISAGREE", ID, ZONE, "t2", null)).isTrue();
    }
}
