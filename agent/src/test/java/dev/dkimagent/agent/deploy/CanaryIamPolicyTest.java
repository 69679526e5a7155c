package dev.dkimagent.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The canary's IAM policies grant exactly the calls the canary makes, restricted to its addresses and prefix. */
class CanaryIamPolicyTest {
    private static final Pattern S3_CALL = Pattern.compile("s3\\.([a-z]\\w*)\\(");

    @Test
    void canaryPolicy_allowsOnlySendEmail_onNamedIdentities_fromTheCanaryAddresses() throws IOException {
        String code = source("SesCanarySender");
        JsonNode policy = policy("dkim-agent-canary-policy.json");

        assertThat(code).contains(".sendEmail(").doesNotContainPattern("\\.(?!sendEmail\\()[a-z]+[A-Z]\\w*\\(request");
        assertThat(actions(policy)).containsExactly("ses:SendEmail");
        JsonNode statement = policy.path("Statement").get(0);
        assertThat(statement.path("Resource").toString()).doesNotContain("\"*\"");
        assertThat(statement.path("Condition").path("StringEquals").path("ses:FromAddress").isArray()).isTrue();
    }

    @Test
    void s3Policy_grantsExactlyTheS3MailboxsCalls_onlyOnTheCanaryPrefix() throws IOException {
        List<String> calls = new ArrayList<>();
        Matcher m = S3_CALL.matcher(source("S3Mailbox"));
        while (m.find()) {
            calls.add(m.group(1));
        }
        JsonNode policy = policy("dkim-agent-canary-s3-policy.json");

        assertThat(calls).containsExactlyInAnyOrder("listObjectsV2Paginator", "deleteObject", "getObjectAsBytes",
                "getObjectAsBytes");
        assertThat(actions(policy)).containsExactly("s3:ListBucket", "s3:GetObject", "s3:DeleteObject");
        JsonNode list = policy.path("Statement").get(0);
        assertThat(list.path("Condition").path("StringLike").path("s3:prefix").get(0).asText()).isEqualTo("dkim-canary/*");
        assertThat(policy.path("Statement").get(1).path("Resource").asText())
                .isEqualTo(list.path("Resource").asText() + "/dkim-canary/*");
    }

    private static String source(String className) throws IOException {
        return Files.readString(DeployFiles.root().resolve("agent/src/main/java/dev/dkimagent/agent/canary/" + className
                + ".java"));
    }

    private static JsonNode policy(String file) throws IOException {
        return new ObjectMapper().readTree(DeployFiles.root().resolve("deploy/iam/" + file).toFile());
    }

    private static List<String> actions(JsonNode policy) {
        List<String> actions = new ArrayList<>();
        policy.path("Statement").forEach(s -> {
            JsonNode action = s.path("Action");
            if (action.isArray()) {
                action.forEach(a -> actions.add(a.asText()));
            } else {
                actions.add(action.asText());
            }
        });
        return actions;
    }
}
