package dev.dkimagent.agent.config;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads {@code dkim-agent.canary}; when enabled, everything a round needs must be there. */
final class CanaryReader {
    static final String PATH = "dkim-agent.canary";
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final String IDENTITY = "a domain such as \"mycompany.com\" or { domain = \"mycompany.eu\","
            + " region = \"eu-west-1\" }";

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
        Map<String, String> regions = new LinkedHashMap<>();
        List<String> identities = identities(canary.child("identities"), regions, required);
        String from = address(canary.child("from"), "an address such as \"dkim-canary@{domain}\"", null);
        String to = address(canary.child("to"), "the canary mailbox's address such as \"canary@example.org\"", required);
        String configurationSet = canary.child("configuration-set").string("a configuration set name or \"\"").orElse("");
        Mailbox mailbox = mailbox(canary.child("mailbox"), reference, required);
        return new CanarySettings(enabled, interval, timeout, identities, regions, from, to, configurationSet,
                mailbox.imap(), mailbox.s3());
    }

    /** The chosen mailbox; s3 null unless it is the S3 one. */
    private record Mailbox(CanarySettings.ImapSettings imap, CanarySettings.S3Settings s3) {
    }

    private static Mailbox mailbox(Node mailbox, Config reference, Required required) {
        if (!mailbox.requireObject("an object with the mailbox settings: mailbox { imap { ... } } or"
                + " mailbox { s3 { ... } }")) {
            return new Mailbox(CanarySettings.ImapSettings.defaults(), null);
        }
        KnownKeys.check(mailbox, reference.getObject(PATH + ".mailbox").keySet());
        MailboxChoice.Kind kind = MailboxChoice.of(mailbox, required.enabled() ? required.enabledNode() : null);
        if (kind == MailboxChoice.Kind.S3) {
            return new Mailbox(CanarySettings.ImapSettings.defaults(),
                    S3MailboxReader.read(mailbox.child("s3"), reference, required::missing));
        }
        // with no mailbox or both, that one problem is reported; the IMAP keys are not each reported missing
        Required imapRequired = kind == MailboxChoice.Kind.IMAP ? required : new Required(false, required.enabledNode());
        return new Mailbox(imap(mailbox, reference, imapRequired), null);
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

    /** Each element a domain, or { domain, region } for an identity that sends through its own SES region. */
    private static List<String> identities(Node node, Map<String, String> regions, Required required) {
        List<String> out = new ArrayList<>();
        for (Node element : node.list("a list of identities such as [\"mycompany.com\"]")) {
            Node domainNode = element.type() == com.typesafe.config.ConfigValueType.OBJECT
                    ? identityObject(element) : element;
            domainNode.string(IDENTITY)
                    .filter(name -> DnsNames.checkName(domainNode, name))
                    .map(dev.dkimagent.rules.model.Names::normal)
                    .filter(domain -> once(domainNode, domain, out))
                    .ifPresent(domain -> {
                        out.add(domain);
                        region(element).ifPresent(region -> regions.put(domain, region));
                    });
        }
        if (out.isEmpty()) {
            required.missing(node, "1 or more identities such as [\"mycompany.com\"]");
        }
        return out;
    }

    private static Node identityObject(Node element) {
        KnownKeys.check(element, List.of("domain", "region"));
        return element.child("domain");
    }

    private static boolean once(Node node, String domain, List<String> seen) {
        if (seen.contains(domain)) {
            node.problem("identity '" + domain + "' is listed twice; list each once");
            return false;
        }
        return true;
    }

    private static java.util.Optional<String> region(Node element) {
        Node region = element.child("region");
        if (element.type() != com.typesafe.config.ConfigValueType.OBJECT || !region.isSet()) {
            return java.util.Optional.empty();
        }
        return region.string("an AWS region such as \"eu-west-1\"").filter(text -> checkRegion(region, text));
    }

    static boolean checkRegion(Node node, String text) {
        boolean ok = REGION.matcher(text).matches();
        if (!ok) {
            node.problem("expected an AWS region such as \"eu-west-1\", got " + node.describe());
        }
        return ok;
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
        Node imap = mailbox.child("imap");
        if (!imap.requireObject("an object with the IMAP settings")) {
            return CanarySettings.ImapSettings.defaults();
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
