package dev.dkimagent.agent.inventory.ses;

import dev.dkimagent.agent.alert.MutableClock;

import dev.dkimagent.agent.demo.ses.AwsSesStub;
import dev.dkimagent.rules.model.SesApiError;
import dev.dkimagent.rules.model.SesIdentityState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.dkimagent.agent.demo.ses.AwsSesStub.GET_EMAIL_IDENTITY;
import static dev.dkimagent.agent.demo.ses.AwsSesStub.LIST_IDENTITIES;
import static dev.dkimagent.agent.inventory.ses.SesTestSupport.assertNoSecrets;
import static dev.dkimagent.agent.inventory.ses.SesTestSupport.fast;
import static dev.dkimagent.agent.inventory.ses.SesTestSupport.inventory;
import static org.assertj.core.api.Assertions.assertThat;

class SesInventoryFaultTest {
    private static final String US = "us-east-1";
    private static final String EU = "eu-west-1";
    private final AwsSesStub stub = AwsSesStub.start();
    private final List<SesCallEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        stub.close();
    }

    private SesScan scan(SesOptions options) {
        try (SesInventory inv = inventory(stub, options, new MutableClock(SesTestSupport.T0), events)) {
            SesScan scan = inv.scan();
            assertNoSecrets(scan, stub);
            return scan;
        }
    }

    @Test
    void scan_throttlingThatClears_isRetriedAndSucceeds() {
        stub.domain("default", US, "ok.example");
        stub.throttle(LIST_IDENTITIES, 2);
        SesScan scan = scan(fast(stub, US));
        assertThat(scan.view().errors()).isEmpty();
        assertThat(scan.identities()).hasSize(1);
        assertThat(stub.calls(LIST_IDENTITIES)).isEqualTo(3);
        assertThat(events).contains(new SesCallEvent(LIST_IDENTITIES, "ok"));
    }

    @Test
    void scan_throttlingThatDoesNotClear_recordsErrorAndStillScansOtherRegion() {
        stub.domain("default", US, "us.example");
        stub.domain("default", EU, "eu.example");
        stub.throttle("default", US, LIST_IDENTITIES, Integer.MAX_VALUE);
        SesScan scan = scan(fast(stub, US, EU));
        assertThat(scan.view().errors()).containsExactly(new SesApiError("default", US, LIST_IDENTITIES, "Throttling"));
        assertThat(scan.view().states()).extracting(SesIdentityState::identity).containsExactly("eu.example");
        assertThat(events).contains(new SesCallEvent(LIST_IDENTITIES, "throttled"));
    }

    @Test
    void scan_accessDenied_recordsErrorAndNoIdentitiesOfThatAccount() {
        stub.role("prod");
        stub.role("blocked");
        stub.domain("prod", US, "prod.example");
        stub.domain("blocked", US, "hidden.example");
        stub.deny("blocked");
        List<SesAccount> accounts = List.of(new SesAccount("prod", stub.role("prod"), ""),
                new SesAccount("blocked", stub.role("blocked"), ""));
        SesScan scan = scan(SesTestSupport.options(stub, List.of(US), accounts, 50, 1000));
        assertThat(scan.view().errors()).containsExactly(new SesApiError("blocked", US, LIST_IDENTITIES, "AccessDenied"));
        assertThat(scan.view().states()).extracting(SesIdentityState::identity).containsExactly("prod.example");
        assertThat(events).contains(new SesCallEvent(LIST_IDENTITIES, "denied"));
    }

    @Test
    void scan_assumeRoleDenied_recordsAssumeRoleError() {
        String role = stub.role("prod");
        stub.domain("prod", US, "prod.example");
        stub.denyAssumeRole("prod");
        SesScan scan = scan(SesTestSupport.options(stub, List.of(US), List.of(new SesAccount("prod", role, "")), 50, 1000));
        assertThat(scan.view().errors()).containsExactly(new SesApiError("prod", US, "AssumeRole", "AccessDenied"));
        assertThat(scan.view().states()).isEmpty();
    }

    @Test
    void scan_malformedBody_recordsMalformedError() {
        stub.domain("default", US, "x.example");
        stub.malformed(LIST_IDENTITIES, 1);
        SesScan scan = scan(fast(stub, US));
        assertThat(scan.view().errors()).containsExactly(new SesApiError("default", US, LIST_IDENTITIES, "malformed"));
        assertThat(scan.view().states()).isEmpty();
    }

    @Test
    void scan_failedDetailCall_leavesIdentityUndetailedWithV1Status() {
        stub.domain("default", US, "tf.example").status("TEMPORARY_FAILURE");
        stub.throttle(GET_EMAIL_IDENTITY, Integer.MAX_VALUE);
        SesScan scan = scan(fast(stub, US));
        assertThat(scan.view().errors())
                .containsExactly(new SesApiError("default", US, GET_EMAIL_IDENTITY, "TooManyRequestsException"));
        assertThat(scan.view().states()).singleElement().satisfies(s -> {
            assertThat(s.detailed()).isFalse();
            assertThat(s.status()).isEqualTo(dev.dkimagent.rules.model.DkimStatus.TEMPORARY_FAILURE);
            assertThat(s.lastSuccess()).isNull();
        });
    }

    @Test
    void scan_unreachableEndpoint_recordsUnreachableForEveryPair() {
        URI closed = stub.endpoint();
        stub.close();
        SesOptions options = new SesOptions(List.of(US, EU), closed, List.of(), List.of(), List.of(), 1000,
                Duration.ofHours(6), 50, Duration.ofSeconds(10));
        try (SesInventory inv = new SesInventory(options, stub.baseCredentials(), java.time.Clock.systemUTC(), e -> { })) {
            SesScan scan = inv.scan();
            assertThat(scan.view().errors()).containsExactlyInAnyOrder(
                    new SesApiError("default", US, LIST_IDENTITIES, "unreachable"),
                    new SesApiError("default", EU, LIST_IDENTITIES, "unreachable"));
            assertThat(scan.identities()).isEmpty();
        }
    }
}
