package dev.dkimagent.agent.inventory.ses;

import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.EasyDkimRecords;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.SesIdentityState;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SesSmallPartsTest {

    @Test
    void globFilter_starAndQuestionMark_matchWholeNameCaseInsensitively() {
        GlobFilter f = new GlobFilter(List.of("*.example.com", "shop?.example.org"), List.of("test.*"));
        assertThat(f.accepts("mail.Example.COM")).isTrue();
        assertThat(f.accepts("shop1.example.org")).isTrue();
        assertThat(f.accepts("shop12.example.org")).isFalse();
        assertThat(f.accepts("test.example.com")).as("exclude wins").isFalse();
        assertThat(f.accepts("example.com")).isFalse();
        assertThat(new GlobFilter(List.of(), List.of()).accepts("anything.example")).isTrue();
    }

    @Test
    void endpointPolicy_plainHttpToNonLoopback_isRejectedWithReason() {
        assertThatThrownBy(() -> EndpointPolicy.check(URI.create("http://10.0.0.5:4566")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use https");
        assertThatThrownBy(() -> EndpointPolicy.check(URI.create("ftp://127.0.0.1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an http(s) URL");
    }

    @Test
    void endpointPolicy_loopbackHttpAndAnyHttps_areAccepted() {
        EndpointPolicy.check(URI.create("http://127.0.0.1:8080"));
        EndpointPolicy.check(URI.create("http://localhost:8080"));
        EndpointPolicy.check(URI.create("http://[::1]:8080"));
        EndpointPolicy.check(URI.create("https://vpce-1.email.us-east-1.vpce.amazonaws.com"));
        assertThat(EndpointPolicy.isLoopback("127.1.2.3")).isTrue();
        assertThat(EndpointPolicy.isLoopback("127.evil.example")).isFalse();
    }

    @Test
    void sesOptions_invalidValues_areRejected() {
        assertThatThrownBy(() -> new SesOptions(List.of(), null, List.of(), List.of(), List.of(), 1,
                Duration.ofHours(6), 50, Duration.ofSeconds(30))).hasMessageContaining("region");
        assertThatThrownBy(() -> new SesOptions(List.of("us-east-1"), null, List.of(), List.of(), List.of(), 0,
                Duration.ofHours(6), 50, Duration.ofSeconds(30))).hasMessageContaining("maxRequestsPerSecond");
        assertThatThrownBy(() -> new SesOptions(List.of("us-east-1"), URI.create("http://192.0.2.1"), List.of(),
                List.of(), List.of(), 1, Duration.ofHours(6), 50, Duration.ofSeconds(30))).hasMessageContaining("https");
    }

    @Test
    void expectations_undetailedIdentity_usesLearnedZoneElseClassicZone() {
        SesIdentityState s = new SesIdentityState("a.example", "default", "ap-south-1", DkimStatus.SUCCESS, true, null,
                List.of("t1"), null, null, null, null, null, null, null, null, false);
        assertThat(Expectations.recordsOf(s, r -> "dkim.ap-south-1.amazonses.com"))
                .singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("t1.dkim.ap-south-1.amazonses.com"));
        assertThat(Expectations.recordsOf(s, r -> null))
                .singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("t1.dkim.amazonses.com"));
    }

    @Test
    void expectations_easyDkimRecords_areKeptCompact_unlessRegionsDisagree() {
        SesIdentityState eu = state("eu-west-1", List.of("t1", "t2"), "dkim.eu-west-1.amazonses.com");
        SesIdentityState euAgain = new SesIdentityState("a.example", "other", "eu-west-1", DkimStatus.SUCCESS, true,
                null, List.of("t2", "t1"), "dkim.eu-west-1.amazonses.com", null, null, null, null, null, null, null,
                false);
        SesIdentityState us = state("us-east-1", List.of("t9"), null);

        List<ExpectedRecord> one = Expectations.of(List.of(eu, euAgain), r -> null).get(0).records();
        List<ExpectedRecord> two = Expectations.of(List.of(eu, us), r -> null).get(0).records();

        assertThat(one).isInstanceOf(EasyDkimRecords.class).isEqualTo(List.of(
                new ExpectedRecord("t1", "t1._domainkey.a.example", RecordType.CNAME, "t1.dkim.eu-west-1.amazonses.com"),
                new ExpectedRecord("t2", "t2._domainkey.a.example", RecordType.CNAME, "t2.dkim.eu-west-1.amazonses.com")));
        assertThat(two).isNotInstanceOf(EasyDkimRecords.class).extracting(ExpectedRecord::value).containsExactly(
                "t1.dkim.eu-west-1.amazonses.com", "t2.dkim.eu-west-1.amazonses.com", "t9.dkim.amazonses.com");
    }

    private static SesIdentityState state(String region, List<String> tokens, String zone) {
        return new SesIdentityState("a.example", "default", region, DkimStatus.SUCCESS, true, null, tokens, zone,
                null, null, null, null, null, null, null, false);
    }

    @Test
    void attemptTimeout_isAThirdOfTheCallWithinBounds() {
        assertThat(SesClientFactory.attemptTimeout(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(10));
        assertThat(SesClientFactory.attemptTimeout(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(1));
        assertThat(SesClientFactory.attemptTimeout(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(500));
    }
}
