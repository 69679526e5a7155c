package dev.dkimagent.agent.inventory.ses;

import dev.dkimagent.agent.alert.MutableClock;

import dev.dkimagent.agent.demo.ses.AwsSesStub;
import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.SesIdentityState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.dkimagent.agent.demo.ses.AwsSesStub.GET_DKIM_ATTRIBUTES;
import static dev.dkimagent.agent.demo.ses.AwsSesStub.GET_EMAIL_IDENTITY;
import static dev.dkimagent.agent.demo.ses.AwsSesStub.LIST_IDENTITIES;
import static dev.dkimagent.agent.inventory.ses.SesTestSupport.fast;
import static dev.dkimagent.agent.inventory.ses.SesTestSupport.inventory;
import static org.assertj.core.api.Assertions.assertThat;

class SesInventoryScanTest {
    private static final String US = "us-east-1";
    private static final String EU = "eu-west-1";
    private final AwsSesStub stub = AwsSesStub.start();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void scan_easyDkimIdentity_expectsThreeCnamesToItsHostedZone() {
        stub.domain("default", US, "example.com").tokens("t1", "t2", "t3");
        try (SesInventory inv = inventory(stub, fast(stub, US))) {
            SesScan scan = inv.scan();
            assertThat(scan.identities()).containsExactly(new Identity("example.com", "ses:default/us-east-1", List.of(
                    cname("t1", "example.com", "dkim.amazonses.com"), cname("t2", "example.com", "dkim.amazonses.com"),
                    cname("t3", "example.com", "dkim.amazonses.com"))));
            assertThat(scan.view().errors()).isEmpty();
            assertThat(scan.view().memory()).isEmpty();
        }
    }

    @Test
    void scan_250SuccessIdentities_costsThreeBatchCallsAndOneZoneLearningDetail() {
        for (int i = 0; i < 250; i++) {
            stub.domain("default", US, "d" + i + ".example");
        }
        SesOptions noBudget = SesTestSupport.options(stub, List.of(US), List.of(), 0, 1000);
        try (SesInventory inv = inventory(stub, noBudget)) {
            SesScan first = inv.scan();
            assertThat(first.view().states()).hasSize(250);
            assertThat(stub.calls(GET_DKIM_ATTRIBUTES)).isEqualTo(3);
            assertThat(stub.calls(GET_EMAIL_IDENTITY)).as("one call to learn the region's zone").isEqualTo(1);
            inv.scan();
            assertThat(stub.calls(GET_DKIM_ATTRIBUTES)).isEqualTo(6);
            assertThat(stub.calls(GET_EMAIL_IDENTITY)).as("zone known: no more details").isEqualTo(1);
        }
    }

    @Test
    void scan_detailBudget_refreshesAtMostBudgetPerScanOldestFirstOncePerInterval() {
        for (int i = 0; i < 25; i++) {
            stub.domain("default", US, "d" + i + ".example");
        }
        MutableClock clock = new MutableClock(SesTestSupport.T0);
        SesOptions budget10 = SesTestSupport.options(stub, List.of(US), List.of(), 10, 1000);
        try (SesInventory inv = inventory(stub, budget10, clock, new ArrayList<>())) {
            List<Integer> perScan = new ArrayList<>();
            for (int scan = 0; scan < 4; scan++) {
                int before = stub.calls(GET_EMAIL_IDENTITY);
                inv.scan();
                perScan.add(stub.calls(GET_EMAIL_IDENTITY) - before);
                clock.advance(Duration.ofMinutes(15));
            }
            assertThat(perScan).containsExactly(10, 10, 5, 0);
            assertThat(detailedNames()).doesNotHaveDuplicates().hasSize(25);
            clock.advance(Duration.ofHours(6));
            int before = stub.calls(GET_EMAIL_IDENTITY);
            SesScan later = inv.scan();
            assertThat(stub.calls(GET_EMAIL_IDENTITY) - before).isEqualTo(10);
            assertThat(later.view().states()).allMatch(SesIdentityState::detailed);
        }
    }

    @Test
    void scan_2500IdentitiesAcrossPages_listsAllSkipsEmailAddresses() {
        for (int i = 0; i < 2500; i++) {
            stub.domain("default", US, "p" + i + ".example");
        }
        stub.email("default", US, "ops@p1.example");
        try (SesInventory inv = inventory(stub, fast(stub, US))) {
            SesScan scan = inv.scan();
            assertThat(scan.view().states()).hasSize(2500).noneMatch(s -> s.identity().contains("@"));
            assertThat(stub.calls(LIST_IDENTITIES)).isEqualTo(3);
            assertThat(stub.log()).filteredOn(c -> c.operation().equals(LIST_IDENTITIES))
                    .allMatch(c -> c.params().get("MaxItems").equals("1000")
                            && c.params().get("IdentityType").equals("Domain"));
            assertThat(stub.calls(GET_DKIM_ATTRIBUTES)).isEqualTo(25);
        }
    }

    @Test
    void scan_includeAndExclude_keepOnlyMatchingNames() {
        for (String name : List.of("a.example.com", "b.example.com", "test.example.com", "shop.example.org")) {
            stub.domain("default", US, name);
        }
        SesOptions filtered = new SesOptions(List.of(US), stub.endpoint(), List.of(), List.of("*.example.com"),
                List.of("test.*", "?.example.org"), 1000, Duration.ofHours(6), 50, Duration.ofSeconds(20));
        try (SesInventory inv = inventory(stub, filtered)) {
            assertThat(inv.scan().identities()).extracting(Identity::name)
                    .containsExactly("a.example.com", "b.example.com");
        }
    }

    @Test
    void scan_signingHostedZoneOfRegion_usedForUndetailedIdentitiesToo() {
        stub.domain("default", EU, "one.example").zone("dkim.eu-west-1.amazonses.com");
        stub.domain("default", EU, "two.example").zone("dkim.eu-west-1.amazonses.com");
        SesOptions noBudget = SesTestSupport.options(stub, List.of(EU), List.of(), 0, 1000);
        try (SesInventory inv = inventory(stub, noBudget)) {
            SesScan scan = inv.scan();
            assertThat(scan.view().states()).filteredOn(SesIdentityState::detailed).hasSize(1);
            assertThat(scan.identities()).flatExtracting(Identity::records).hasSize(6)
                    .allMatch(r -> r.value().endsWith(".dkim.eu-west-1.amazonses.com"));
        }
    }

    @Test
    void scan_byodkimIdentity_expectsOneTxtAtTheSelector() {
        stub.domain("default", US, "byo.example").origin("EXTERNAL").tokens("sel2026");
        try (SesInventory inv = inventory(stub, fast(stub, US))) {
            SesScan scan = inv.scan();
            assertThat(scan.identities()).containsExactly(new Identity("byo.example", "ses:default/us-east-1",
                    List.of(new ExpectedRecord("sel2026", "sel2026._domainkey.byo.example", RecordType.TXT, ""))));
            assertThat(scan.view().states()).singleElement()
                    .satisfies(s -> assertThat(s.byodkim()).isTrue())
                    .satisfies(s -> assertThat(s.detailed()).as("v1 shows no tokens: details fetched").isTrue());
        }
    }

    @Test
    void scan_replicaIdentity_reportedButExpectsNoRecordsOfItsOwn() {
        stub.domain("default", US, "deed.example").tokens("p1", "p2", "p3");
        stub.domain("default", EU, "deed.example").tokens("p1", "p2", "p3").origin("AWS_SES_US_EAST_1")
                .zone("dkim.eu-west-1.amazonses.com");
        try (SesInventory inv = inventory(stub, fast(stub, US, EU))) {
            SesScan scan = inv.scan();
            assertThat(scan.identities()).singleElement().satisfies(i -> {
                assertThat(i.source()).isEqualTo("ses:default/us-east-1");
                assertThat(i.records()).extracting(ExpectedRecord::value)
                        .containsExactly("p1.dkim.amazonses.com", "p2.dkim.amazonses.com", "p3.dkim.amazonses.com");
            });
            assertThat(scan.view().states()).extracting(SesIdentityState::region, SesIdentityState::replica)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(US, false),
                            org.assertj.core.groups.Tuple.tuple(EU, true));
        }
    }

    @Test
    void scan_sameDomainInTwoRegions_mergesIntoOneIdentityWithSixRecords() {
        stub.domain("default", US, "both.example").tokens("u1", "u2", "u3");
        stub.domain("default", EU, "both.example").tokens("e1", "e2", "e3").zone("dkim.eu-west-1.amazonses.com");
        try (SesInventory inv = inventory(stub, fast(stub, US, EU))) {
            SesScan scan = inv.scan();
            assertThat(scan.identities()).singleElement().satisfies(i -> {
                assertThat(i.source()).isEqualTo("ses:default/eu-west-1,ses:default/us-east-1");
                assertThat(i.records()).hasSize(6).extracting(ExpectedRecord::value).contains(
                        "u1.dkim.amazonses.com", "e3.dkim.eu-west-1.amazonses.com");
            });
            assertThat(scan.view().states()).hasSize(2);
        }
    }

    @Test
    void scan_temporaryFailure_parsedFromV1AndDetailedFromV2() {
        Instant lastSuccess = Instant.parse("2026-11-27T08:00:00Z");
        stub.domain("default", US, "broken.example").status("TEMPORARY_FAILURE").errorType("HOST_NOT_FOUND")
                .lastSuccess(lastSuccess).soaSerial(2026112801L);
        SesOptions noBudget = SesTestSupport.options(stub, List.of(US), List.of(), 0, 1000);
        try (SesInventory inv = inventory(stub, noBudget)) {
            SesIdentityState s = inv.scan().view().states().get(0);
            assertThat(s.status()).isEqualTo(DkimStatus.TEMPORARY_FAILURE);
            assertThat(s.detailed()).isTrue();
            assertThat(s.lastSuccess()).isEqualTo(lastSuccess);
            assertThat(s.errorType()).isEqualTo("HOST_NOT_FOUND");
            assertThat(s.soaSerial()).isEqualTo(2026112801L);
            assertThat(s.signingHostedZone()).isEqualTo("dkim.amazonses.com");
            assertThat(s.currentKeyLength()).isEqualTo("RSA_2048_BIT");
        }
    }

    @Test
    void scan_twoAccountsViaAssumeRole_eachSeesItsOwnIdentities() {
        String prodRole = stub.role("prod");
        String stagingRole = stub.role("staging");
        stub.domain("prod", US, "prod.example");
        stub.domain("staging", US, "staging.example");
        stub.domain("default", US, "base-only.example");
        List<SesAccount> accounts = List.of(new SesAccount("prod", prodRole, "ext-42"),
                new SesAccount("staging", stagingRole, ""));
        try (SesInventory inv = inventory(stub, SesTestSupport.options(stub, List.of(US), accounts, 50, 1000))) {
            SesScan scan = inv.scan();
            assertThat(scan.identities()).extracting(Identity::name, Identity::source).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("prod.example", "ses:prod/us-east-1"),
                    org.assertj.core.groups.Tuple.tuple("staging.example", "ses:staging/us-east-1"));
        }
        assertThat(stub.log()).filteredOn(c -> c.operation().equals(AwsSesStub.ASSUME_ROLE))
                .allMatch(c -> c.params().get("RoleSessionName").equals("dkim-agent"))
                .anyMatch(c -> "ext-42".equals(c.params().get("ExternalId")) && c.params().get("RoleArn").equals(prodRole))
                .anyMatch(c -> !c.params().containsKey("ExternalId") && c.params().get("RoleArn").equals(stagingRole));
    }

    private List<String> detailedNames() {
        return stub.log().stream().filter(c -> c.operation().equals(GET_EMAIL_IDENTITY))
                .map(c -> c.params().get("EmailIdentity")).toList();
    }

    private static ExpectedRecord cname(String token, String domain, String zone) {
        return new ExpectedRecord(token, token + "._domainkey." + domain, RecordType.CNAME, token + "." + zone);
    }
}
