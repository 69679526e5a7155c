package dev.dkimagent.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canary's IAM policy grants exactly the call the canary makes, restricted to its From addresses. */
class CanaryIamPolicyTest {

    @Test
    void canaryPolicy_allowsOnlySendEmail_onNamedIdentities_fromTheCanaryAddresses() throws IOException {
        String code = Files.readString(DeployFiles.root().resolve(
                "agent/src/main/java/dev/dkimagent/agent/canary/SesCanarySender.java"));
        JsonNode policy = new ObjectMapper().readTree(DeployFiles.root()
                .resolve("deploy/iam/dkim-agent-canary-policy.json").toFile());
        List<String> actions = new ArrayList<>();
        policy.path("Statement").forEach(s -> actions.add(s.path("Action").asText()));

        assertThat(code).contains("ses.sendEmail(").doesNotContainPattern("ses\\.(?!sendEmail\\()[a-z]+[A-Z]\\w*\\(");
        assertThat(actions).containsExactly("ses:SendEmail");
        JsonNode statement = policy.path("Statement").get(0);
        assertThat(statement.path("Resource").toString()).doesNotContain("\"*\"");
        assertThat(statement.path("Condition").path("StringEquals").path("ses:FromAddress").isArray()).isTrue();
    }
}
