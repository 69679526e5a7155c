package dev.dkimagent.rules.catalogue;

import static dev.dkimagent.rules.catalogue.TestWorld.NS1;
import static dev.dkimagent.rules.catalogue.TestWorld.NS2;
import static dev.dkimagent.rules.catalogue.TestWorld.NS3;
import static dev.dkimagent.rules.catalogue.TestWorld.a;
import static dev.dkimagent.rules.catalogue.TestWorld.authority;
import static dev.dkimagent.rules.catalogue.TestWorld.cname;
import static dev.dkimagent.rules.catalogue.TestWorld.name;
import static dev.dkimagent.rules.catalogue.TestWorld.nodata;
import static dev.dkimagent.rules.catalogue.TestWorld.notAuthoritative;
import static dev.dkimagent.rules.catalogue.TestWorld.nxdomain;
import static dev.dkimagent.rules.catalogue.TestWorld.rcode;
import static dev.dkimagent.rules.catalogue.TestWorld.reply;
import static dev.dkimagent.rules.catalogue.TestWorld.soaRr;
import static dev.dkimagent.rules.catalogue.TestWorld.target;
import static dev.dkimagent.rules.catalogue.TestWorld.timeout;
import static dev.dkimagent.rules.catalogue.TestWorld.txt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.matrix.Cell;
import dev.dkimagent.rules.matrix.CellState;
import dev.dkimagent.rules.matrix.KeyObservation;
import dev.dkimagent.rules.matrix.NotJudged;
import dev.dkimagent.rules.matrix.Provider;
import dev.dkimagent.rules.matrix.ServerSoa;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.Soa;
import dev.dkimagent.rules.model.ZoneView;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The matrix: one typed cell per record x address, every state and every reason a cell is not judged. */
class ZoneMatrixTest {

    private static Cell cell(TestWorld w, String selector, Nameserver ns) {
        return w.matrix().row(TestWorld.IDENTITY, selector).orElseThrow().cell(ns.address()).orElseThrow();
    }

    @Test
    void cell_healthyWorld_isOkWithTtlAndTarget() {
        Cell c = cell(TestWorld.healthy(), "t1", NS1);

        assertThat(c.state()).isEqualTo(CellState.OK);
        assertThat(c.servedCorrectly()).isTrue();
        assertThat(c.ttl()).isEqualTo(OptionalLong.of(TestWorld.TTL));
        assertThat(c.served()).isEqualTo(target("t1"));
        assertThat(c.notJudged()).isNull();
    }

    @Test
    void cell_nxdomain_isMissingWithTheNegativeCachingSoa() {
        Cell c = cell(TestWorld.healthy().answer("t2", "CNAME", NS3, nxdomain(authority(120, 3600))), "t2", NS3);

        assertThat(c.state()).isEqualTo(CellState.MISSING);
        assertThat(c.servedCorrectly()).isFalse();
        assertThat(c.served()).isEqualTo(Cell.NOTHING);
        assertThat(c.negativeSoa().map(Soa::negativeTtl)).contains(120L);
    }

    @Test
    void cell_otherTarget_isWrongTarget() {
        Cell c = cell(TestWorld.healthy().answer("t1", "CNAME", NS2, reply(cname(name("t1"), "x.example", 60))), "t1", NS2);

        assertThat(c.state()).isEqualTo(CellState.WRONG_TARGET);
        assertThat(c.target()).contains("x.example");
        assertThat(c.ttl()).isEqualTo(OptionalLong.of(60));
    }

    @Test
    void cell_flattenedCname_isWrongType() {
        Cell c = cell(TestWorld.healthy().answer("t1", "CNAME", NS3, nodata(null))
                .answer("t1", "TXT", NS3, nodata(null)).answer("t1", "A", NS3, reply(a(name("t1"), "192.0.2.1"))), "t1", NS3);

        assertThat(c.state()).isEqualTo(CellState.WRONG_TYPE);
        assertThat(c.otherTypes()).containsExactly("A");
        assertThat(c.served()).isEqualTo("A 192.0.2.1");
    }

    @Test
    void cell_cnameBesideTxt_isCnameAndOtherData() {
        Cell c = cell(TestWorld.healthy().answer("t1", "TXT", NS1,
                reply(cname(name("t1"), target("t1"), 3600), txt(name("t1"), "x", 3600))), "t1", NS1);

        assertThat(c.state()).isEqualTo(CellState.CNAME_AND_OTHER_DATA);
        assertThat(c.otherTypes()).containsExactly("TXT");
    }

    @Test
    void cell_txtRecordWithTheConfiguredKey_isOk_andAnotherKeyIsWrongTarget() {
        assertThat(cell(TestWorld.healthyTxt("v=DKIM1; p=abc", "v=DKIM1;  p=abc"), "s1", NS1).state()).isEqualTo(CellState.OK);
        Cell other = cell(TestWorld.healthyTxt("v=DKIM1; p=abc", "v=DKIM1; p=xyz"), "s1", NS1);
        assertThat(other.state()).isEqualTo(CellState.WRONG_TARGET);
        assertThat(other.txts()).containsExactly("v=DKIM1; p=xyz");
    }

    @Test
    void cell_cnameWhereTxtIsExpected_isWrongType() {
        Cell c = cell(TestWorld.healthyTxt("", "v=DKIM1; p=abc").answer("s1", "TXT", NS2, reply(cname(name("s1"), "x.test", 60))),
                "s1", NS2);

        assertThat(c.state()).isEqualTo(CellState.WRONG_TYPE);
    }

    @Test
    void cell_soaTimedOut_isNotJudgedNoReplyForTheWholeServer() {
        TestWorld w = TestWorld.healthy().soa(NS3, timeout());

        NotJudged why = cell(w, "t1", NS3).notJudged();

        assertThat(cell(w, "t1", NS3).state()).isEqualTo(CellState.NOT_JUDGED);
        assertThat(why.reason()).isEqualTo(NotJudged.Reason.NO_REPLY);
        assertThat(why.zoneWide()).isTrue();
        assertThat(why.queryType()).isEqualTo("SOA");
        assertThat(w.matrix().soa(NS3.address()).map(ServerSoa::usable)).contains(false);
        assertThat(w.matrix().heard(NS3.address())).isFalse();
    }

    @Test
    void cell_recordQueryRefused_isNotJudgedLameForThatCellOnly() {
        TestWorld w = TestWorld.healthy().answer("t2", "CNAME", NS1, rcode(Answer.REFUSED));

        NotJudged why = cell(w, "t2", NS1).notJudged();

        assertThat(why.reason()).isEqualTo(NotJudged.Reason.LAME);
        assertThat(why.detail()).isEqualTo("REFUSED");
        assertThat(why.zoneWide()).isFalse();
        assertThat(cell(w, "t1", NS1).state()).isEqualTo(CellState.OK);
    }

    @Test
    void cell_notAuthoritativeSoa_isNotJudgedLame() {
        TestWorld w = TestWorld.healthy().soa(NS2, notAuthoritative(soaRr(TestWorld.SERIAL, 300, 3600)));

        assertThat(cell(w, "t3", NS2).notJudged().reason()).isEqualTo(NotJudged.Reason.LAME);
        assertThat(cell(w, "t3", NS2).notJudged().detail()).isEqualTo("AA=0 (not authoritative)");
    }

    @Test
    void cell_noAnswerObserved_isNotJudgedNotAsked() {
        Cell c = cell(TestWorld.healthy().noAnswer("t1", "CNAME", NS2).noAnswer("t1", "TXT", NS2), "t1", NS2);

        assertThat(c.notJudged().reason()).isEqualTo(NotJudged.Reason.NOT_ASKED);
        assertThat(c.notJudged().queryType()).isEqualTo("TXT");
    }

    @Test
    void cell_cnameReadFromTheTxtAnswerAlone_isOkWithItsTtl() {
        // the reduced query set: a TXT query at a CNAME name is answered with the CNAME, no CNAME query is asked
        Cell c = cell(TestWorld.healthy().noAnswer("t1", "CNAME", NS2)
                .answer("t1", "TXT", NS2, reply(cname(name("t1"), target("t1"), 1800))), "t1", NS2);

        assertThat(c.state()).isEqualTo(CellState.OK);
        assertThat(c.ttl()).isEqualTo(OptionalLong.of(1800));
        assertThat(c.target()).contains(target("t1"));
    }

    @Test
    void cell_zoneNotDiscovered_isNotJudgedZoneNotFound() {
        ZoneView failedWithServers = new ZoneView(TestWorld.ZONE, TestWorld.SERVERS, TestWorld.NS_SET, TestWorld.NS_SET,
                true, "no SOA");
        TestWorld w = TestWorld.healthy().zone(failedWithServers);

        assertThat(cell(w, "t1", NS1).notJudged().reason()).isEqualTo(NotJudged.Reason.ZONE_NOT_FOUND);
        assertThat(w.matrix().found()).isFalse();
    }

    @Test
    void soa_isTypedPerAddress() {
        ZoneMatrix m = TestWorld.healthy().soa(NS2, reply(soaRr(7, 60, 3600))).matrix();

        assertThat(m.soa(NS2.address()).flatMap(ServerSoa::soa).map(Soa::serial)).contains(7L);
        assertThat(m.soa(NS1.address()).flatMap(ServerSoa::soa).map(Soa::serial)).contains(TestWorld.SERIAL);
        assertThat(m.soa(NS1.address()).map(ServerSoa::up)).contains(true);
    }

    @Test
    void soa_typedOnTheWire_isReadWithoutText() {
        Soa wire = new Soa("ns1.a.test", "hostmaster.a.test", 9, 1, 2, 3, 4, 5);
        ZoneMatrix m = TestWorld.healthy().soa(NS3, reply(Rr.soa(TestWorld.ZONE, wire))).matrix();

        assertThat(m.soa(NS3.address()).flatMap(ServerSoa::soa)).contains(wire);
    }

    @Test
    void key_perCnameTarget_isTyped() {
        ZoneMatrix m = TestWorld.healthy().key(target("t2"), nxdomain(null)).key(target("t3"), timeout()).matrix();

        assertThat(m.key(target("t1")).map(KeyObservation::status)).contains(KeyObservation.Status.TXT);
        assertThat(m.key(target("t2")).map(KeyObservation::status)).contains(KeyObservation.Status.NO_NAME);
        assertThat(m.key(target("t3")).map(KeyObservation::status)).contains(KeyObservation.Status.NOT_READ);
        assertThat(m.key(target("t3")).map(KeyObservation::detail)).contains("no resolver replied: timeout after 3 attempts");
        assertThat(m.keyNotRead(TestWorld.IDENTITY, "t3")).isTrue();
        assertThat(m.keyNotRead(TestWorld.IDENTITY, "t2")).isFalse();
    }

    @Test
    void key_notInTheObservations_isUnknown() {
        TestWorld w = TestWorld.healthy().keyGone(target("t1"));

        assertThat(w.matrix().key(target("t1")).map(KeyObservation::status)).contains(KeyObservation.Status.UNKNOWN);
    }

    /** Each cell state (and each reason a cell is not judged) is exactly one finding, or none. */
    @Test
    void everyCellState_mapsToExactlyOneFinding() {
        assertCellAndFindings(TestWorld.healthy().answer("t2", "CNAME", NS3, nxdomain(authority(300, 3600))),
                "t2", NS3, CellState.MISSING, "DKIM01.RECORD_MISSING@t2@127.0.0.13");
        assertCellAndFindings(TestWorld.healthy().answer("t2", "CNAME", NS3, reply(cname(name("t2"), "x.example", 3600))),
                "t2", NS3, CellState.WRONG_TARGET, "DKIM01.RECORD_WRONG_TARGET@t2@127.0.0.13");
        assertCellAndFindings(TestWorld.healthy().answer("t2", "CNAME", NS3, nodata(null)).answer("t2", "TXT", NS3, nodata(null))
                .answer("t2", "A", NS3, reply(a(name("t2"), "192.0.2.1"))),
                "t2", NS3, CellState.WRONG_TYPE, "DKIM01.RECORD_WRONG_TYPE@t2@127.0.0.13");
        assertCellAndFindings(TestWorld.healthy().answer("t2", "TXT", NS3,
                reply(cname(name("t2"), target("t2"), 3600), txt(name("t2"), "x", 3600))),
                "t2", NS3, CellState.CNAME_AND_OTHER_DATA, "DKIM04.CNAME_AND_OTHER_DATA@t2@127.0.0.13");
        assertCellAndFindings(TestWorld.healthy().answer("t2", "CNAME", NS3, timeout()),
                "t2", NS3, CellState.NOT_JUDGED, "NS01.NS_UNREACHABLE@t2@127.0.0.13");
        assertCellAndFindings(TestWorld.healthy().answer("t2", "CNAME", NS3, rcode(Answer.REFUSED)),
                "t2", NS3, CellState.NOT_JUDGED, "NS02.NS_NOT_AUTHORITATIVE@t2@127.0.0.13");
        assertCellAndFindings(TestWorld.healthy().noAnswer("t2", "CNAME", NS3).noAnswer("t2", "TXT", NS3),
                "t2", NS3, CellState.NOT_JUDGED);
        assertCellAndFindings(TestWorld.healthy(), "t2", NS3, CellState.OK);
    }

    private static void assertCellAndFindings(TestWorld w, String selector, Nameserver ns, CellState state,
                                              String... findings) {
        assertThat(cell(w, selector, ns).state()).isEqualTo(state);
        FindingsAssert.assertFindings(w.evaluate()).exactly(findings);
    }

    @Test
    void provider_followsTheRecord() {
        Identity config = new Identity("a.test", "config", List.of());
        Identity ses = new Identity("a.test", "ses:default/us-east-1", List.of());

        assertThat(Provider.of(config, cnameRecord("t1.dkim.eu-west-1.amazonses.com"))).isEqualTo(Provider.EASY_DKIM);
        assertThat(Provider.of(config, cnameRecord("s1.domainkey.u1.wl.sendgrid.net"))).isEqualTo(Provider.OTHER_CNAME);
        assertThat(Provider.of(ses, txtRecord())).isEqualTo(Provider.BYODKIM);
        assertThat(Provider.of(config, txtRecord())).isEqualTo(Provider.TXT_KEY);
    }

    private static ExpectedRecord cnameRecord(String target) {
        return new ExpectedRecord("s1", name("s1"), RecordType.CNAME, target);
    }

    private static ExpectedRecord txtRecord() {
        return new ExpectedRecord("s1", name("s1"), RecordType.TXT, "");
    }
}
