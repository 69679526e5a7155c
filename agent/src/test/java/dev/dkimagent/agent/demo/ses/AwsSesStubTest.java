package dev.dkimagent.agent.demo.ses;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.SesException;
import software.amazon.awssdk.services.ses.model.VerificationStatus;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.ListEmailIdentitiesResponse;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stub answers the real SDK the way AWS does (checked through the SDK's own unmarshallers). */
class AwsSesStubTest {
    private final AwsSesStub stub = AwsSesStub.start();
    private final SesClient v1 = SesClient.builder().region(Region.US_EAST_1).endpointOverride(stub.endpoint())
            .credentialsProvider(stub.baseCredentials()).build();
    private final SesV2Client v2 = SesV2Client.builder().region(Region.US_EAST_1).endpointOverride(stub.endpoint())
            .credentialsProvider(stub.baseCredentials()).overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
            .build();

    @AfterEach
    void stop() {
        v1.close();
        v2.close();
        stub.close();
    }

    @Test
    void getIdentityDkimAttributes_v1SpellingOfTemporaryFailure_reachesTheSdk() {
        stub.domain("default", "us-east-1", "tf.example").status("TEMPORARY_FAILURE").tokens("a", "b", "c");
        var attrs = v1.getIdentityDkimAttributes(r -> r.identities("tf.example")).dkimAttributes().get("tf.example");
        assertThat(attrs.dkimVerificationStatus()).isEqualTo(VerificationStatus.TEMPORARY_FAILURE);
        assertThat(attrs.dkimVerificationStatusAsString()).isEqualTo("TemporaryFailure");
        assertThat(attrs.dkimTokens()).containsExactly("a", "b", "c");
    }

    @Test
    void getIdentityDkimAttributes_moreThan100Identities_isRejectedLikeAws() {
        List<String> many = IntStream.range(0, 101).mapToObj(i -> "d" + i + ".example").toList();
        assertThatThrownBy(() -> v1.getIdentityDkimAttributes(r -> r.identities(many)))
                .isInstanceOfSatisfying(SesException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }

    @Test
    void getEmailIdentity_unknownIdentity_isNotFoundException() {
        assertThatThrownBy(() -> v2.getEmailIdentity(r -> r.emailIdentity("nope.example")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void getEmailIdentity_throttled_isTooManyRequestsWith429() {
        stub.domain("default", "us-east-1", "x.example");
        stub.throttle(AwsSesStub.GET_EMAIL_IDENTITY, 1);
        assertThatThrownBy(() -> v2.getEmailIdentity(r -> r.emailIdentity("x.example")))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> assertThat(e.statusCode()).isEqualTo(429));
        assertThat(v2.getEmailIdentity(r -> r.emailIdentity("x.example")).dkimAttributes().signingHostedZone())
                .isEqualTo("dkim.amazonses.com");
    }

    @Test
    void listEmailIdentities_pagesWithNextToken() {
        stub.domain("default", "us-east-1", "a.example");
        stub.domain("default", "us-east-1", "b.example");
        stub.email("default", "us-east-1", "ops@a.example");
        ListEmailIdentitiesResponse first = v2.listEmailIdentities(r -> r.pageSize(2));
        ListEmailIdentitiesResponse second = v2.listEmailIdentities(r -> r.pageSize(2).nextToken(first.nextToken()));
        assertThat(first.emailIdentities()).extracting(i -> i.identityName()).containsExactly("a.example", "b.example");
        assertThat(second.emailIdentities()).singleElement()
                .satisfies(i -> assertThat(i.identityTypeAsString()).isEqualTo("EMAIL_ADDRESS"));
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void calls_areCountedPerAccountAndRegionFromTheSignature() {
        stub.domain("default", "us-east-1", "a.example");
        v1.listIdentities();
        assertThat(stub.calls("default", "us-east-1", AwsSesStub.LIST_IDENTITIES)).isEqualTo(1);
        assertThat(stub.calls("default", "eu-west-1", AwsSesStub.LIST_IDENTITIES)).isZero();
    }
}
