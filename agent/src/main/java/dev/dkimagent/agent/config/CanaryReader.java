package dev.dkimagent.agent.config;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads {@code dkim-agent.canary}; when enabled, everything a round needs must be there. */
final class CanaryReader {
    static final String PATH = "dkim-agent.canary";
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private CanaryReader() {
    }

    static CanarySettings read(Node canary, Config reference) {
        if (!canary.requireObject("an object with the canary settings")) {
            return null;
        }
        KnownKeys.check(canary, reference.getObject(PATH).keySet());
        Node enabledNode = canary.child("enabled");
        boolean enabled = enabledNode.bool().orElse(false);
        Required required = new Required(enabled, enabledNode);
        Duration interval = canary.child("interval").positiveDuration().orElse(Duration.ofHours(6));
        Duration timeout = canary.child("timeout").positiveDuration().orElse(Duration.ofMinutes(10));
        if (timeout.compareTo(interval) >= 0) {
            canary.child("timeout").problem("expected a timeout shorter than canary.interval (" + interval
                    + "), got " + canary.child("timeout").describe());
        }
        List<String> identities = identities(canary.child("identities"), required);
        String from = address(canary.child("from"), "an address such as \"dkim-canary@{domain}\"", null);
        String to = address(canary.child("to"), "the canary mailbox's address such as \"canary@example.org\"", required);
        String configurationSet = canary.child("configuration-set").string("a configuration set name or \"\"").orElse("");
        CanarySettings.ImapSettings imap = imap(canary.child("mailbox"), reference, required);
        return new CanarySettings(enabled, interval, timeout, identities, from, to, configurationSet, imap);
    }

    /**
     * Keys needed once enabled. A key left at its default (reference.conf) is reported on the
     * user's own {@code enabled = true} line, naming the key to add.
     */
    private record Required(boolean enabled, Node enabledNode) {
        void missing(Node node, String what) {
            if (!enabled) {
                return;
            }
            boolean defaulted = node.origin() == null || node.origin().resource() != null;
            if (defaulted) {
                enabledNode.problem("canary.enabled = true needs " + node.path() + ": " + what);
            } else {
                node.problem("expected " + what + " (required when canary.enabled = true), got " + node.describe());
            }
        }
    }

    private static List<String> identities(Node node, Required required) {
        List<String> out = new ArrayList<>();
        for (Node element : node.list("a list of domains such as [\"mycompany.com\"]")) {
            element.string("a domain such as \"mycompany.com\"")
                    .filter(name -> DnsNames.checkName(element, name))
                    .map(dev.dkimagent.rules.model.Names::normal).ifPresent(out::add);
        }
        if (out.isEmpty()) {
            required.missing(node, "1 or more identities such as [\"mycompany.com\"]");
        }
        return out;
    }

    /** required null: always needed (it has a default). */
    private static String address(Node node, String what, Required required) {
        String text = node.string(what).orElse("");
        if (text.isEmpty() && required != null) {
            required.missing(node, what);
        } else if (!ADDRESS.matcher(text.replace("{domain}", "example.com")).matches()) {
            node.problem("expected " + what + ", got " + node.describe());
        }
        return text;
    }

    private static CanarySettings.ImapSettings imap(Node mailbox, Config reference, Required required) {
        if (!mailbox.requireObject("an object with the mailbox settings: mailbox { imap { ... } }")) {
            return null;
        }
        KnownKeys.check(mailbox, reference.getObject(PATH + ".mailbox").keySet());
        Node imap = mailbox.child("imap");
        if (!imap.requireObject("an object with the IMAP settings")) {
            return null;
        }
        KnownKeys.check(imap, reference.getObject(PATH + ".mailbox.imap").keySet());
        String host = required(imap.child("host"), "an IMAP host name such as \"imap.example.org\"", required);
        int port = imap.child("port").intAtLeast(1).filter(p -> p <= 65535).orElse(993);
        boolean tls = imap.child("tls").bool().orElse(true);
        String user = required(imap.child("user"), "the IMAP login", required);
        String password = password(imap, required);
        String folder = required(imap.child("folder"), "a folder name such as \"INBOX\"", new Required(true, null));
        return new CanarySettings.ImapSettings(host, port, tls, user, password, folder);
    }

    private static String required(Node node, String what, Required required) {
        String text = node.string(what).orElse("");
        if (text.isBlank() && required.enabledNode() == null) {
            node.problem("expected " + what + ", got " + node.describe());
        } else if (text.isBlank()) {
            required.missing(node, what);
        }
        return text;
    }

    /** password (from the environment) or password-file, exactly one when enabled; never echoed. */
    private static String password(Node imap, Required required) {
        String inline = imap.child("password").string("a password " + Secrets.NOT_SHOWN).orElse("");
        Node fileNode = imap.child("password-file");
        String file = fileNode.string("a file path").orElse("");
        if (!inline.isEmpty() && !file.isEmpty()) {
            fileNode.problem("set password or password-file, not both");
            return "";
        }
        if (!file.isEmpty()) {
            return readPassword(fileNode, Path.of(file));
        }
        if (inline.isEmpty()) {
            required.missing(imap.child("password"), "a password (from DKIM_AGENT_CANARY_IMAP_PASSWORD) or password-file");
        }
        return inline;
    }

    private static String readPassword(Node node, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            node.problem("cannot read the password file " + file + ": " + e.getClass().getSimpleName());
            return "";
        }
    }
}
