package dev.dkimagent.agent.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads {@code dkim-agent.ses}; {@link SesAccountsReader} reads its {@code accounts}. */
final class SesReader {
    static final String PATH = "dkim-agent.ses";
    /** Old key -> new key. {@code include} had to be quoted: unquoted it is HOCON's include keyword. */
    static final Map<String, String> DEPRECATED = Map.of("include", "match", "exclude", "ignore");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final String REGIONS = "a list of 1 or more AWS regions such as \"us-east-1\"";
    private static final String ENDPOINT = "\"\" or an absolute http(s) URL such as"
            + " \"https://email.us-east-1.amazonaws.com\"";
    private static final String STS_ENDPOINT = "\"\" or an absolute http(s) URL such as"
            + " \"https://sts.us-east-1.amazonaws.com\"";

    private SesReader() {
    }

    /** The SES settings, or null when the section is not an object (a problem is then reported). */
    static SesSettings read(Node ses, Config reference) {
        if (!ses.requireObject("an object with the SES settings")) {
            return null;
        }
        Set<String> known = new HashSet<>(reference.getObject(PATH).keySet());
        known.addAll(DEPRECATED.keySet());
        KnownKeys.check(ses, known);
        boolean enabled = ses.child("enabled").bool().orElse(false);
        List<String> regions = regions(ses.child("regions"));
        String endpoint = endpoint(ses.child("endpoint"), ENDPOINT);
        String stsEndpoint = endpoint(ses.child("sts-endpoint"), STS_ENDPOINT);
        List<SesAccountSettings> accounts = SesAccountsReader.read(ses.child("accounts"));
        List<String> include = globs(renamed(ses, "match"));
        List<String> exclude = globs(renamed(ses, "ignore"));
        double rate = ses.child("max-requests-per-second").positiveNumber().orElse(0.0);
        Duration detailInterval = ses.child("detail-interval").positiveDuration().orElse(null);
        int detailBudget = ses.child("detail-budget").intAtLeast(0).orElse(0);
        Duration callTimeout = ses.child("api-call-timeout").positiveDuration().orElse(null);
        Duration throttleBudget = ses.child("throttle-budget").nonNegativeDuration().orElse(null);
        return new SesSettings(enabled, regions, endpoint, stsEndpoint, accounts, include, exclude, rate, detailInterval,
                detailBudget, callTimeout, throttleBudget);
    }

    /**
     * The node of {@code key}, or of its deprecated name when only that one is written: the old
     * names still work, with a warning that says where and what to write instead.
     */
    private static Node renamed(Node ses, String key) {
        String old = DEPRECATED.entrySet().stream().filter(e -> e.getValue().equals(key)).findFirst().orElseThrow().getKey();
        Node current = ses.child(key);
        Node deprecated = ses.child(old);
        if (!deprecated.isSet()) {
            return current;
        }
        if (current.isSet() && !fromReference(current)) {
            deprecated.problem("'" + old + "' is the old name of '" + key + "': set only '" + key + "'");
            return current;
        }
        // the logger is taken here, not in a static field: loading it starts the logging system
        // (logback reading its XML, about 150 ms of CPU cold), which a load without a warning does not need
        Logger log = LoggerFactory.getLogger(SesReader.class);
        log.warn("{}: {}.{} is deprecated, rename it to {} (same globs, no quotes needed); the old name will be"
                + " removed in a later release", where(deprecated), PATH, old, key);
        return deprecated;
    }

    private static boolean fromReference(Node node) {
        String resource = node.origin() == null ? null : node.origin().resource();
        return resource != null && resource.endsWith("reference.conf");
    }

    /** "file: line", as the configuration problems say it. */
    private static String where(Node node) {
        int line = node.origin() == null ? -1 : node.origin().lineNumber();
        return Problems.fileOf(node.origin()) + (line > 0 ? ": " + line : "");
    }

    private static List<String> regions(Node node) {
        List<Node> elements = node.list(REGIONS);
        if (node.type() == ConfigValueType.LIST && elements.isEmpty()) {
            node.problem("expected " + REGIONS + ", got 0");
        }
        List<String> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node element : elements) {
            element.string("an AWS region such as \"us-east-1\"")
                    .filter(text -> checkRegion(element, text))
                    .filter(region -> reportRepeated(element, region, seen))
                    .ifPresent(valid::add);
        }
        return valid;
    }

    private static boolean checkRegion(Node node, String text) {
        boolean ok = REGION.matcher(text).matches();
        if (!ok) {
            node.problem("expected an AWS region such as \"us-east-1\", got " + node.describe());
        }
        return ok;
    }

    private static boolean reportRepeated(Node node, String region, Set<String> seen) {
        if (seen.add(region)) {
            return true;
        }
        node.problem("region '" + region + "' is listed twice");
        return false;
    }

    private static String endpoint(Node node, String expected) {
        String url = node.string(expected).orElse("");
        if (url.isEmpty()) {
            return url;
        }
        return Urls.check(url, true).map(problem -> {
            node.problem(problem == Urls.Problem.PLAIN_HTTP_OFF_LOOPBACK
                    ? "plain http is only allowed to loopback; use https, got " + node.describe()
                    : "expected " + expected + ", got " + node.describe());
            return "";
        }).orElse(url);
    }

    private static List<String> globs(Node node) {
        List<String> valid = new ArrayList<>();
        for (Node element : node.list("a list of globs such as \"*.mycompany.com\"")) {
            element.string("a glob such as \"*.mycompany.com\"")
                    .filter(text -> checkGlob(element, text))
                    .ifPresent(valid::add);
        }
        return valid;
    }

    private static boolean checkGlob(Node node, String text) {
        if (text.isEmpty()) {
            node.problem("expected a non-empty glob such as \"*.mycompany.com\", got ''");
        }
        return !text.isEmpty();
    }
}
