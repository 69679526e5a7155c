package dev.dkimagent.agent.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dkimagent.agent.config.CanarySettings.S3Settings;
import dev.dkimagent.agent.demo.s3.S3ReceiptRule;
import dev.dkimagent.agent.demo.s3.S3Stub;
import dev.dkimagent.agent.demo.s3.StubBucket;
import dev.dkimagent.rules.model.CanaryRound;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 mailbox against the S3 stub, through the real SDK client: its own object only, as little of others as it can. */
class S3MailboxTest {
    private static final String SECRET = "s3MailboxTestSecret/DoNotLeak";
    private static final String BUCKET = "mycompany-dkim-canary";
    private static final String PREFIX = "dkim-canary/";

    private S3Stub stub;
    private StubBucket bucket;
    private S3ReceiptRule rule;
    private S3Client s3;
    private S3Mailbox mailbox;

    @BeforeEach
    void start() {
        stub = S3Stub.start();
        bucket = stub.bucket(BUCKET, "us-east-1");
        rule = new S3ReceiptRule(bucket, PREFIX, "us-east-1");
        s3 = client(stub.endpoint());
        mailbox = new S3Mailbox(s3, new S3Settings(BUCKET, PREFIX, "us-east-1", stub.endpoint().toString()));
    }

    @AfterEach
    void stop() {
        s3.close();
        stub.close();
    }

    @Test
    void take_findsItsOwnMessage_deletesOnlyIt_andReadsOnlyTheHeadOfOthers() throws Exception {
        bucket.put("elsewhere/" + "x", message("X-Dkim-Agent-Canary: wanted", "outside the prefix"));
        rule.deliver(new String(message("Subject: hello", "someone else's mail"), StandardCharsets.UTF_8), "c@x.test");
        rule.deliver(new String(message("X-Dkim-Agent-Canary: an-earlier-round", "late"), StandardCharsets.UTF_8),
                "c@x.test");
        rule.deliver(new String(message("X-Dkim-Agent-Canary:\r\n wanted", "mine"), StandardCharsets.UTF_8), "c@x.test");

        byte[] raw = mailbox.take("wanted").orElseThrow();

        assertThat(new String(raw, StandardCharsets.UTF_8)).contains("Received: from").endsWith("mine\r\n");
        assertThat(bucket.keys()).hasSize(4).contains("elsewhere/x", PREFIX + S3ReceiptRule.SETUP_NOTIFICATION);
        assertThat(stub.log()).filteredOn(c -> c.method().equals("DELETE")).hasSize(1);
        assertThat(stub.log()).filteredOn(c -> c.method().equals("GET") && !c.key().isEmpty() && c.range() == null)
                .singleElement().satisfies(c -> assertThat(c.key()).startsWith(PREFIX));
        assertThat(stub.log()).filteredOn(c -> c.range() != null)
                .allSatisfy(c -> assertThat(c.range()).isEqualTo("bytes=0-" + (S3Mailbox.HEAD_BYTES - 1)));
        assertThat(stub.log()).noneMatch(c -> c.key().startsWith("elsewhere/"));
    }

    @Test
    void take_notThereYet_isEmpty_andALaterLookReadsNoObjectTwice() throws Exception {
        rule.deliver(new String(message("Subject: hello", "someone else's mail"), StandardCharsets.UTF_8), "c@x.test");

        assertThat(mailbox.take("wanted")).isEmpty();
        int headsBefore = ranged();
        rule.deliver(new String(message("X-Dkim-Agent-Canary: wanted", "mine"), StandardCharsets.UTF_8), "c@x.test");

        assertThat(mailbox.take("wanted")).isPresent();
        assertThat(headsBefore).isEqualTo(2); // the setup notification and the other mail
        assertThat(ranged()).isEqualTo(3);    // then only the new object
    }

    @Test
    void accessDenied_isAMailboxError_namingBucketPrefixAndPermissions_withoutCredentials() {
        stub.deny(BUCKET);

        assertThatThrownBy(() -> mailbox.take("wanted")).isInstanceOfSatisfying(CanaryException.class, e -> {
            assertThat(e.stage()).isEqualTo(CanaryRound.Stage.MAILBOX);
            assertThat(e.getMessage()).startsWith("s3://" + BUCKET + "/" + PREFIX + ": AccessDenied (HTTP 403): Access Denied")
                    .contains("s3:ListBucket", "s3:GetObject", "s3:DeleteObject").doesNotContain(SECRET);
        });
    }

    @Test
    void noSuchBucket_andAnUnreachableEndpoint_areMailboxErrors() throws Exception {
        S3Mailbox wrongBucket = new S3Mailbox(s3, new S3Settings("no-such-bucket", PREFIX, "us-east-1", ""));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (S3Client nowhere = client(URI.create("http://127.0.0.1:" + closedPort))) {
            S3Mailbox unreachable = new S3Mailbox(nowhere, new S3Settings(BUCKET, PREFIX, "us-east-1", ""));

            assertThatThrownBy(() -> wrongBucket.take("x")).isInstanceOf(CanaryException.class)
                    .hasMessageStartingWith("s3://no-such-bucket/" + PREFIX + ": NoSuchBucket (HTTP 404)");
            assertThatThrownBy(() -> unreachable.take("x")).isInstanceOf(CanaryException.class)
                    .hasMessageStartingWith("s3://" + BUCKET + "/" + PREFIX + ": cannot reach S3: ")
                    .hasMessageNotContaining(SECRET);
        }
    }

    @Test
    void aHungEndpoint_isAMailboxErrorAfterTheCallTimeout() {
        stub.stall(Duration.ofSeconds(5));
        try (S3Client impatient = S3Client.builder().endpointOverride(stub.endpoint()).forcePathStyle(true)
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIATESTKEY000000001", SECRET)))
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMillis(500)))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            S3Mailbox mailbox = new S3Mailbox(impatient, new S3Settings(BUCKET, PREFIX, "us-east-1", ""));

            assertThatThrownBy(() -> mailbox.take("x")).isInstanceOfSatisfying(CanaryException.class, e -> {
                assertThat(e.stage()).isEqualTo(CanaryRound.Stage.MAILBOX);
                assertThat(e.getMessage()).startsWith("s3://" + BUCKET + "/" + PREFIX + ": cannot reach S3: ApiCallTimeoutException")
                        .doesNotContain(SECRET);
            });
        }
    }

    private int ranged() {
        return (int) stub.log().stream().filter(c -> c.range() != null).count();
    }

    private static byte[] message(String header, String body) {
        return ("From: a@x.test\r\nTo: c@x.test\r\n" + header + "\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static S3Client client(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATESTKEY000000001",
                        SECRET)))
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).apiCallTimeout(Duration.ofSeconds(5)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
