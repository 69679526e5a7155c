package dev.dkimagent.agent.inventory.ses;

import dev.dkimagent.agent.config.SesAccountSettings;
import dev.dkimagent.agent.config.SesSettings;
import dev.dkimagent.agent.demo.ses.AwsSesStub;
import dev.dkimagent.agent.wiring.SesSetup;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.SesApiError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static dev.dkimagent.agent.demo.ses.AwsSesStub.ASSUME_ROLE;
import static dev.dkimagent.agent.inventory.ses.SesTestSupport.inventory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ses.endpoint reaches ses/sesv2 only, sts-endpoint STS only (an SES VPC endpoint does not answer AssumeRole). */
class SesStsEndpointTest {
    private static final String US = "us-east-1";
    private final AwsSesStub stub = AwsSesStub.start();
    private final SesOnlyFront front = SesOnlyFront.in(stub.endpoint());

    @AfterEach
    void stop() {
        front.close();
        stub.close();
    }

    private SesOptions options(URI sesEndpoint, URI stsEndpoint, List<SesAccount> accounts) {
        return new SesOptions(List.of(US), sesEndpoint, stsEndpoint, accounts, List.of(), List.of(), 1000,
                Duration.ofHours(6), 50, Duration.ofSeconds(20));
    }

    @Test
    void scan_sesEndpointRefusesAssumeRole_stsEndpointServesIt_scanSucceeds() {
        String role = stub.role("prod");
        stub.domain("prod", US, "prod.example");

        SesScan scan;
        try (SesInventory inv = inventory(stub, options(front.endpoint(), stub.endpoint(),
                List.of(new SesAccount("prod", role, ""))))) {
            scan = inv.scan();
        }

        assertThat(scan.view().errors()).isEmpty();
        assertThat(scan.identities()).extracting(Identity::name).containsExactly("prod.example");
        assertThat(front.stsRefused()).as("STS calls sent to the SES endpoint").isZero();
        assertThat(front.forwarded()).as("SES calls through the SES endpoint").isPositive();
        assertThat(stub.calls(ASSUME_ROLE)).isPositive();
    }

    @Test
    void scan_stsEndpointRefusesAssumeRole_accountFailsWithAssumeRoleError() {
        String role = stub.role("prod");
        stub.domain("prod", US, "prod.example");

        SesScan scan;
        try (SesInventory inv = inventory(stub, options(stub.endpoint(), front.endpoint(),
                List.of(new SesAccount("prod", role, ""))))) {
            scan = inv.scan();
        }

        assertThat(scan.view().errors()).containsExactly(new SesApiError("prod", US, "AssumeRole", "AccessDenied"));
        assertThat(front.stsRefused()).isPositive();
        assertThat(front.forwarded()).as("SES calls through the STS endpoint").isZero();
        assertThat(stub.calls(ASSUME_ROLE)).isZero();
    }

    @Test
    void sesSetup_mapsStsEndpointSetting_toTheStsClientOnly() {
        String role = stub.role("prod");
        stub.domain("prod", US, "prod.example");
        SesSettings settings = new SesSettings(true, List.of(US), front.endpoint().toString(),
                stub.endpoint().toString(), List.of(new SesAccountSettings("prod", role, "")), List.of(), List.of(),
                1000, Duration.ofHours(6), 50, Duration.ofSeconds(20));

        SesScan scan;
        try (SesInventory inv = SesSetup.inventory(settings, stub.baseCredentials(), Clock.systemUTC(), e -> { })) {
            scan = inv.scan();
        }

        assertThat(scan.view().errors()).isEmpty();
        assertThat(scan.identities()).extracting(Identity::name).containsExactly("prod.example");
        assertThat(front.stsRefused()).isZero();
        assertThat(front.forwarded()).isPositive();
    }

    @Test
    void scan_baseCredentialsOnly_neverCallsSts() {
        stub.domain("default", US, "base.example");

        SesScan scan;
        try (SesInventory inv = inventory(stub, options(stub.endpoint(), front.endpoint(), List.of()))) {
            scan = inv.scan();
        }

        assertThat(scan.identities()).extracting(Identity::name).containsExactly("base.example");
        assertThat(front.stsRefused()).isZero();
    }

    @Test
    void options_stsEndpointPlainHttpOffLoopback_isRejectedNamingIt() {
        assertThatThrownBy(() -> options(null, URI.create("http://192.0.2.1"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sts endpoint 'http://192.0.2.1' uses plain http");
    }

    @Test
    void options_compatConstructor_hasNoStsOverride() {
        SesOptions options = new SesOptions(List.of(US), stub.endpoint(), List.of(), List.of(), List.of(), 1,
                Duration.ofHours(6), 50, Duration.ofSeconds(20));

        assertThat(options.endpoint()).isEqualTo(stub.endpoint());
        assertThat(options.stsEndpoint()).isNull();
    }
}
