package dev.dkimagent.agent.config;

import com.typesafe.config.Config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code dkim-agent.dns}. */
final class DnsReader {
    static final String PATH = "dkim-agent.dns";

    private DnsReader() {
    }

    /** The DNS settings, or null when the section or a value in it is not valid (a problem is then reported). */
    static DnsSettings read(Node dns, Config reference) {
        if (!dns.requireObject("an object with the DNS settings")) {
            return null;
        }
        KnownKeys.check(dns, reference.getObject(PATH).keySet());
        List<String> resolvers = resolvers(dns.child("resolvers"));
        Duration timeout = dns.child("timeout").positiveDuration().orElse(null);
        int attempts = dns.child("attempts").intAtLeast(1).orElse(0);
        int maxInFlight = dns.child("max-in-flight").intAtLeast(1).orElse(0);
        int qps = dns.child("per-nameserver-qps").intAtLeast(1).orElse(0);
        int resolverQps = dns.child("per-resolver-qps").intAtLeast(1).orElse(0);
        Ipv6Mode ipv6 = ipv6(dns.child("ipv6"));
        if (timeout == null || attempts == 0 || maxInFlight == 0 || qps == 0 || resolverQps == 0) {
            return null;
        }
        return new DnsSettings(resolvers, timeout, attempts, maxInFlight, qps, resolverQps, ipv6);
    }

    /** true, false or auto (the default). */
    private static Ipv6Mode ipv6(Node node) {
        String text = node.isSet() ? node.text().trim().toLowerCase(java.util.Locale.ROOT) : "auto";
        return switch (text) {
            case "auto" -> Ipv6Mode.AUTO;
            case "true" -> Ipv6Mode.ON;
            case "false" -> Ipv6Mode.OFF;
            default -> {
                node.problem("expected true, false or auto, got " + node.describe());
                yield Ipv6Mode.AUTO;
            }
        };
    }

    private static List<String> resolvers(Node node) {
        List<String> valid = new ArrayList<>();
        for (Node element : node.list("a list of resolver addresses (" + Endpoints.ADDRESS_FORMS + ")")) {
            element.string("a resolver address (" + Endpoints.ADDRESS_FORMS + ")")
                    .filter(text -> Endpoints.checkAddress(element, text))
                    .ifPresent(valid::add);
        }
        return valid;
    }
}
