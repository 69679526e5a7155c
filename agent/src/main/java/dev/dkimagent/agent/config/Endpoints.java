package dev.dkimagent.agent.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Syntax checks for server entries: "ip", "ip:port", "[v6]:port" (a bare v6 address too) and,
 * where a name is allowed, "host". Never resolves anything.
 */
final class Endpoints {
    static final String ADDRESS_FORMS = "\"ip\", \"ip:port\" or \"[v6]:port\"";
    static final String NAMESERVER_FORMS = "\"host\", \"ip\", \"ip:port\" or \"[v6]:port\"";

    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)\\](?::(.*))?");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern DOTTED_DIGITS = Pattern.compile("[\\d.]+");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    private Endpoints() {
    }

    /** Reports on {@code node} unless {@code text} is a resolver address; true when it is. */
    static boolean checkAddress(Node node, String text) {
        return report(node, problem(text, false));
    }

    /** Reports on {@code node} unless {@code text} is a nameserver entry (may be a host name). */
    static boolean checkNameserver(Node node, String text) {
        return report(node, problem(text, true));
    }

    /** Why {@code text} is not a valid entry, as "expected ..., got ...", or empty. */
    static Optional<String> problem(String text, boolean hostAllowed) {
        String forms = hostAllowed ? NAMESERVER_FORMS : ADDRESS_FORMS;
        Optional<String> malformed = Optional.of("expected " + forms + ", got '" + Shown.value(text) + "'");
        if (text.startsWith("[")) {
            Matcher m = BRACKETED.matcher(text);
            if (!m.matches() || !isIpv6(m.group(1))) {
                return malformed;
            }
            return m.group(2) == null ? Optional.empty() : portProblem(m.group(2), text);
        }
        long colons = text.chars().filter(c -> c == ':').count();
        if (colons >= 2) {
            return isIpv6(text) ? Optional.empty() : malformed;
        }
        if (colons == 1) {
            String host = text.substring(0, text.indexOf(':'));
            return isIpv4(host) ? portProblem(text.substring(text.indexOf(':') + 1), text) : malformed;
        }
        if (isIpv4(text) || (hostAllowed && isHostName(text))) {
            return Optional.empty();
        }
        return malformed;
    }

    static boolean isIpv4(String text) {
        Matcher m = IPV4.matcher(text);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }

    /** A v6 literal. The character check first keeps InetAddress from ever doing a look-up. */
    static boolean isIpv6(String text) {
        if (!text.contains(":") || !IPV6_CHARS.matcher(text).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A DNS name that does not look like a mistyped IPv4 address (all labels digits). */
    static boolean isHostName(String text) {
        return !DOTTED_DIGITS.matcher(text).matches() && DnsNames.nameProblem(text).isEmpty();
    }

    private static Optional<String> portProblem(String port, String text) {
        if (PORT.matcher(port).matches()) {
            int n = Integer.parseInt(port);
            if (n >= 1 && n <= 65535) {
                return Optional.empty();
            }
        }
        return Optional.of("expected a port from 1 to 65535, got '" + Shown.value(port) + "' in '" + Shown.value(text) + "'");
    }

    private static boolean report(Node node, Optional<String> problem) {
        problem.ifPresent(node::problem);
        return problem.isEmpty();
    }
}
