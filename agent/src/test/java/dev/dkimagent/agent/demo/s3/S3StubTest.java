package dev.dkimagent.agent.demo.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 stub speaks what the real AWS SDK S3 client sends and parses: listing pages, ranges, deletes, errors. */
class S3StubTest {
    private S3Stub stub;
    private S3Client s3;

    @BeforeEach
    void start() {
        stub = S3Stub.start();
        s3 = client("eu-west-1");
    }

    @AfterEach
    void stop() {
        s3.close();
        stub.close();
    }

    @Test
    void listObjectsV2_pagesThroughThePrefixWithContinuationTokens_keysWithSpacesAndPlusSurvive() {
        StubBucket bucket = stub.bucket("canary-bucket", "eu-west-1");
        List<String> keys = List.of("in/a b+c", "in/b", "in/c", "in/d", "in/e", "other/x");
        keys.forEach(k -> bucket.put(k, k.getBytes(StandardCharsets.UTF_8)));

        List<String> listed = s3.listObjectsV2Paginator(r -> r.bucket("canary-bucket").prefix("in/").maxKeys(2))
                .contents().stream().map(S3Object::key).toList();

        assertThat(listed).containsExactly("in/a b+c", "in/b", "in/c", "in/d", "in/e");
        assertThat(stub.log()).filteredOn(c -> c.query().contains("list-type=2")).hasSize(3)
                .allSatisfy(c -> assertThat(c.accessKey()).isEqualTo("AKIATESTKEY000000001"));
        assertThat(stub.log()).filteredOn(c -> c.query().contains("continuation-token")).hasSize(2);
    }

    @Test
    void getObject_withARange_returnsOnlyThoseBytes_andDeleteRemovesTheObject() {
        StubBucket bucket = stub.bucket("canary-bucket", "eu-west-1");
        bucket.put("in/m", "0123456789".getBytes(StandardCharsets.UTF_8));

        byte[] head = s3.getObjectAsBytes(r -> r.bucket("canary-bucket").key("in/m").range("bytes=0-3")).asByteArray();
        byte[] beyondTheEnd = s3.getObjectAsBytes(r -> r.bucket("canary-bucket").key("in/m").range("bytes=8-100"))
                .asByteArray();
        byte[] whole = s3.getObjectAsBytes(r -> r.bucket("canary-bucket").key("in/m")).asByteArray();
        s3.deleteObject(r -> r.bucket("canary-bucket").key("in/m"));

        assertThat(new String(head, StandardCharsets.UTF_8)).isEqualTo("0123");
        assertThat(new String(beyondTheEnd, StandardCharsets.UTF_8)).isEqualTo("89");
        assertThat(whole).hasSize(10);
        assertThat(bucket.keys()).isEmpty();
        assertThat(stub.log()).extracting(S3Stub.Call::range).containsExactly("bytes=0-3", "bytes=8-100", null, null);
    }

    @Test
    void errors_areS3sCodesAndStatuses_asTheSdkReadsThem() {
        stub.bucket("canary-bucket", "eu-west-1").put("in/m", new byte[] {1});
        stub.bucket("denied-bucket", "eu-west-1");
        stub.deny("denied-bucket");

        assertError(() -> s3.listObjectsV2(r -> r.bucket("no-such-bucket")), 404, "NoSuchBucket");
        assertError(() -> s3.getObjectAsBytes(r -> r.bucket("canary-bucket").key("in/none")), 404, "NoSuchKey");
        assertError(() -> s3.getObjectAsBytes(r -> r.bucket("canary-bucket").key("in/m").range("bytes=5-9")), 416,
                "InvalidRange");
        assertError(() -> s3.listObjectsV2(r -> r.bucket("denied-bucket")), 403, "AccessDenied");
        try (S3Client wrongRegion = client("us-east-1")) {
            assertError(() -> wrongRegion.listObjectsV2(r -> r.bucket("canary-bucket")), 400,
                    "AuthorizationHeaderMalformed");
        }
    }

    @Test
    void unsignedOrBadlySignedRequests_areRefusedWithS3sErrorXml() throws Exception {
        stub.bucket("canary-bucket", "eu-west-1");
        HttpClient http = HttpClient.newHttpClient();
        URI list = URI.create(stub.endpoint() + "/canary-bucket?list-type=2");

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(list).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> malformed = http.send(HttpRequest.newBuilder(list)
                .header("Authorization", "AWS AKIATESTKEY000000001:c2lnbmF0dXJl").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(anonymous.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<Error><Code>AccessDenied</Code><Message>Access Denied</Message>").contains("<RequestId>");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("<Code>AuthorizationHeaderMalformed</Code>");
    }

    private static void assertError(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        });
    }

    private S3Client client(String region) {
        return S3Client.builder().endpointOverride(stub.endpoint()).forcePathStyle(true).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATESTKEY000000001",
                        "testSecretKey/NotReal")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
