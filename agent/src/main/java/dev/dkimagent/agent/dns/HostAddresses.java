package dev.dkimagent.agent.dns;

import dev.dkimagent.rules.model.Answer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.Rcode;

/**
 * One NS host's addresses from its A (and AAAA) lookups, or, when there are none, a short reason
 * a person can act on: "no A record", "A lookup timed out". An empty list with a null reason
 * never happens.
 *
 * @param addresses "ip" or "ip:port" as the lookups found them
 * @param problem   null when there is an address; else why there is none
 */
record HostAddresses(List<String> addresses, String problem) {

    /** One lookup: the record type asked and what came back. */
    record Lookup(String type, Answer answer) {
    }

    /** The addresses of every lookup; a problem only when no lookup found one. ipv6Checked=false says AAAA was not asked. */
    static HostAddresses of(List<Lookup> lookups, List<List<String>> addressesPerLookup, boolean ipv6Checked) {
        List<String> all = addressesPerLookup.stream().flatMap(List::stream).toList();
        if (!all.isEmpty()) {
            return new HostAddresses(all, null);
        }
        Set<String> reasons = new LinkedHashSet<>();
        lookups.forEach(l -> reasons.add(reason(l)));
        List<String> parts = new ArrayList<>(reasons);
        if (!ipv6Checked) {
            parts.add("AAAA not checked (dns.ipv6 = false)");
        }
        return new HostAddresses(List.of(), String.join("; ", parts));
    }

    boolean hasAddress() {
        return !addresses.isEmpty();
    }

    /** Why one lookup gave no address. */
    static String reason(Lookup l) {
        Answer a = l.answer();
        if (!a.isReply()) {
            return l.type() + " lookup " + switch (a.transport()) {
                case TIMEOUT -> "timed out";
                case NETWORK_ERROR -> "failed (network error)";
                default -> "failed (" + a.transport().name().toLowerCase(java.util.Locale.ROOT) + " reply)";
            };
        }
        if (a.rcode() == Answer.NXDOMAIN) {
            return "the name does not exist (NXDOMAIN)";
        }
        if (a.rcode() != Answer.NOERROR) {
            return l.type() + " lookup failed (" + Rcode.string(a.rcode()) + ")";
        }
        return "no " + l.type() + " record";
    }
}
