package dev.dkimagent.agent.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code dkim-agent.ses.accounts}: the roles to assume, each with a unique name. */
final class SesAccountsReader {
    static final List<String> KEYS = List.of("name", "role-arn", "external-id");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");
    private static final String NAME_FORMS = "an account name (letters, digits, '-' or '_')";
    private static final String ROLE_FORMS = "an IAM role ARN such as \"arn:aws:iam::123456789012:role/dkim-agent\"";

    private SesAccountsReader() {
    }

    static List<SesAccountSettings> read(Node accounts) {
        List<SesAccountSettings> result = new ArrayList<>();
        Map<String, Node> seenNames = new HashMap<>();
        for (Node item : accounts.list("a list of accounts { name = ..., role-arn = ... }")) {
            readOne(item, seenNames).ifPresent(result::add);
        }
        return result;
    }

    private static Optional<SesAccountSettings> readOne(Node item, Map<String, Node> seenNames) {
        if (!item.requireObject("an account { name = ..., role-arn = ..., external-id = ... }")) {
            return Optional.empty();
        }
        KnownKeys.check(item, KEYS);
        Optional<String> name = name(item.child("name"), seenNames);
        Optional<String> roleArn = matching(item.child("role-arn"), ROLE_ARN, ROLE_FORMS);
        Node externalIdNode = item.child("external-id");
        String externalId = externalIdNode.isSet() ? externalIdNode.string("an external ID").orElse("") : "";
        if (name.isEmpty() || roleArn.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SesAccountSettings(name.get(), roleArn.get(), externalId));
    }

    private static Optional<String> name(Node node, Map<String, Node> seenNames) {
        Optional<String> name = matching(node, NAME, NAME_FORMS);
        name.ifPresent(n -> {
            Node first = seenNames.putIfAbsent(n, node);
            if (first != null) {
                node.problem("duplicate account name '" + n + "', already at " + first.path() + " ("
                        + Problems.fileOf(first.origin()) + ": " + first.origin().lineNumber()
                        + "); names must be unique");
            }
        });
        return name;
    }

    private static Optional<String> matching(Node node, Pattern pattern, String what) {
        return node.string(what).filter(text -> {
            boolean ok = pattern.matcher(text).matches();
            if (!ok) {
                node.problem("expected " + what + ", got " + node.describe());
            }
            return ok;
        });
    }
}
