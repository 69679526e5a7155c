package dev.dkimagent.rules.catalogue;

import static dev.dkimagent.rules.catalogue.FindingsAssert.assertFindings;
import static dev.dkimagent.rules.catalogue.TestWorld.NS1;
import static dev.dkimagent.rules.catalogue.TestWorld.NS2;
import static dev.dkimagent.rules.catalogue.TestWorld.NS3;
import static dev.dkimagent.rules.catalogue.TestWorld.NS_SET;
import static dev.dkimagent.rules.catalogue.TestWorld.SERIAL;
import static dev.dkimagent.rules.catalogue.TestWorld.SERVERS;
import static dev.dkimagent.rules.catalogue.TestWorld.ZONE;
import static dev.dkimagent.rules.catalogue.TestWorld.nxdomain;
import static dev.dkimagent.rules.catalogue.TestWorld.reply;
import static dev.dkimagent.rules.catalogue.TestWorld.soaRr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.matrix.Cell;
import dev.dkimagent.rules.matrix.CellState;
import dev.dkimagent.rules.matrix.NotJudged;
import dev.dkimagent.rules.matrix.ServerSoa;
import dev.dkimagent.rules.model.ZoneView;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server the zone view marks as catching up (propagation grace): not judged, not compared, still up. */
class CatchingUpTest {

    /** ns3 serves an older serial and lacks t1 (the transfer has not reached it). */
    private static TestWorld ns3Behind(Map<String, String> catchingUp) {
        return TestWorld.healthy()
                .zone(new ZoneView(ZONE, SERVERS, NS_SET, NS_SET, false, null).withCatchingUp(catchingUp))
                .soa(NS1, reply(soaRr(SERIAL + 1, 300, 3600))).soa(NS2, reply(soaRr(SERIAL + 1, 300, 3600)))
                .soa(NS3, reply(soaRr(SERIAL, 300, 3600)))
                .answer("t1", "CNAME", NS3, nxdomain(null)).answer("t1", "TXT", NS3, nxdomain(null));
    }

    @Test
    void serverCatchingUp_hasItsCellsNotJudgedWithTheReason_andNoFinding() {
        TestWorld w = ns3Behind(Map.of(NS3.address(), "catching up: serial 1, newest 2"));

        Cell c = w.matrix().row(TestWorld.IDENTITY, "t1").orElseThrow().cell(NS3.address()).orElseThrow();

        assertThat(c.state()).isEqualTo(CellState.NOT_JUDGED);
        assertThat(c.notJudged().reason()).isEqualTo(NotJudged.Reason.CATCHING_UP);
        assertThat(c.notJudged().detail()).contains("catching up");
        ServerSoa soa = w.matrix().soas().get(2);
        assertThat(soa.up()).isTrue();
        assertThat(soa.answered()).isFalse();
        assertFindings(w.evaluate()).none();
    }

    @Test
    void sameServerAfterTheGrace_isJudged_serialAndRecordFindings() {
        assertFindings(ns3Behind(Map.of()).evaluate())
                .exactly("SOA01.MULTIPLE_SOA_SERIALS@-@127.0.0.13", "DKIM01.RECORD_MISSING@t1@127.0.0.13");
    }
}
