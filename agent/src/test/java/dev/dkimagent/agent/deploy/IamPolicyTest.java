package dev.dkimagent.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The IAM policies grant exactly the AWS calls the code makes, found by reading the code. */
class IamPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path INVENTORY = Path.of("agent/src/main/java/dev/dkimagent/agent/inventory");
    /** SES v1 and v2 calls: {@code clients.v1().listIdentities(...)}. */
    private static final Pattern SES_CALL = Pattern.compile("\\.v[12]\\(\\)\\s*\\.\\s*([a-z][A-Za-z]+)\\(");

    @Test
    void agentPolicy_grantsExactlyTheCallsTheCodeMakes() {
        JsonNode policy = read("deploy/iam/dkim-agent-policy.json");
        Set<String> expected = new TreeSet<>(sesActionsInCode());
        if (codeAssumesRoles()) {
            expected.add("sts:AssumeRole");
        }

        assertThat(actions(policy)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void sesReadPolicy_grantsExactlyTheSesCalls() {
        assertThat(actions(read("deploy/iam/dkim-agent-ses-read-policy.json")))
                .containsExactlyInAnyOrderElementsOf(sesActionsInCode());
    }

    @Test
    void code_makesTheKnownSesCalls() {
        // Guards the scan itself: an empty scan would make the equality tests above vacuous.
        assertThat(sesActionsInCode()).contains("ses:ListIdentities", "ses:GetIdentityDkimAttributes",
                "ses:GetEmailIdentity");
    }

    @Test
    void policies_haveNoWildcardAction() {
        for (String file : List.of("dkim-agent-policy.json", "dkim-agent-ses-read-policy.json",
                "dkim-agent-trust-policy.json", "dkim-agent-irsa-trust-policy.json")) {
            assertThat(actions(read("deploy/iam/" + file))).as(file).noneMatch(action -> action.contains("*"));
        }
    }

    @Test
    void assumeRole_isLimitedToNamedRoles() {
        JsonNode assume = statementWith(read("deploy/iam/dkim-agent-policy.json"), "sts:AssumeRole");

        assertThat(values(assume.path("Resource"))).isNotEmpty()
                .allMatch(arn -> arn.matches("arn:aws:iam::\\d{12}:role/[\\w+=,.@-]+"));
    }

    @Test
    void trustPolicy_requiresTheExternalId() {
        JsonNode trust = statementWith(read("deploy/iam/dkim-agent-trust-policy.json"), "sts:AssumeRole");

        assertThat(trust.path("Effect").asText()).isEqualTo("Allow");
        assertThat(trust.path("Principal").path("AWS").asText()).startsWith("arn:aws:iam::");
        assertThat(trust.path("Condition").path("StringEquals").path("sts:ExternalId").isTextual()).isTrue();
    }

    @Test
    void sesReads_areLimitedToTheListedRegions() {
        for (String file : List.of("dkim-agent-policy.json", "dkim-agent-ses-read-policy.json")) {
            JsonNode ses = statementWith(read("deploy/iam/" + file), "ses:GetEmailIdentity");
            assertThat(values(ses.path("Condition").path("StringEquals").path("aws:RequestedRegion"))).as(file)
                    .isNotEmpty().allMatch(region -> region.matches("[a-z]{2}(-[a-z]+)+-\\d"));
        }
        assertThat(DeployFiles.read("deploy/iam/README.md")).contains("aws:RequestedRegion");
    }

    @Test
    void irsaTrustPolicy_letsInOnlyTheAgentsServiceAccount() {
        JsonNode trust = statementWith(read("deploy/iam/dkim-agent-irsa-trust-policy.json"),
                "sts:AssumeRoleWithWebIdentity");
        String sa = DeployFiles.read("deploy/kubernetes/base/serviceaccount.yaml");

        assertThat(trust.path("Principal").path("Federated").asText()).contains(":oidc-provider/");
        JsonNode equals = trust.path("Condition").path("StringEquals");
        List<String> subjects = new ArrayList<>();
        equals.fields().forEachRemaining(e -> {
            if (e.getKey().endsWith(":sub")) {
                subjects.add(e.getValue().asText());
            }
        });
        assertThat(subjects).containsExactly("system:serviceaccount:default:dkim-agent");
        assertThat(sa).contains("name: dkim-agent", "eks.amazonaws.com/role-arn");
    }

    /** Commands the docs give for checking the agent's own access use only calls its policy grants. */
    @Test
    void credentialCheckCommands_inTheDocs_useOnlyGrantedCalls() {
        Set<String> granted = actions(read("deploy/iam/dkim-agent-policy.json"));
        String docs = DeployFiles.read("docs/rules/MON01.md")
                + KustomizeBuildTest.section(DeployFiles.read("docs/operations.md"), "### DkimAgentSesUnreadable");
        Matcher command = Pattern.compile("aws (ses|sesv2) ([a-z-]+)").matcher(docs);
        List<String> used = new ArrayList<>();
        while (command.find()) {
            used.add("ses:" + pascal(command.group(2)));
        }

        assertThat(used).isNotEmpty();
        assertThat(granted).containsAll(used);
    }

    private static String pascal(String kebab) {
        StringBuilder out = new StringBuilder();
        for (String part : kebab.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    private static Set<String> sesActionsInCode() {
        Set<String> actions = new TreeSet<>();
        for (String source : inventorySources()) {
            Matcher call = SES_CALL.matcher(source);
            while (call.find()) {
                String method = call.group(1);
                actions.add("ses:" + Character.toUpperCase(method.charAt(0)) + method.substring(1));
            }
        }
        return actions;
    }

    private static boolean codeAssumesRoles() {
        return inventorySources().stream().anyMatch(source -> source.contains("StsAssumeRoleCredentialsProvider"));
    }

    private static List<String> inventorySources() {
        try (Stream<Path> files = Files.walk(DeployFiles.root().resolve(INVENTORY))) {
            List<String> sources = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.add(Files.readString(file));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> actions(JsonNode policy) {
        Set<String> actions = new TreeSet<>();
        policy.path("Statement").forEach(statement -> actions.addAll(values(statement.path("Action"))));
        return actions;
    }

    private static JsonNode statementWith(JsonNode policy, String action) {
        for (JsonNode statement : policy.path("Statement")) {
            if (values(statement.path("Action")).contains(action)) {
                return statement;
            }
        }
        throw new AssertionError("no statement grants " + action);
    }

    /** An IAM value: a string or a list of strings. */
    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> values.add(item.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }

    private static JsonNode read(String file) {
        try {
            return JSON.readTree(DeployFiles.read(file));
        } catch (IOException e) {
            throw new AssertionError(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
