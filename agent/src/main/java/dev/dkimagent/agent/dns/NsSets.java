package dev.dkimagent.agent.dns;

import dev.dkimagent.rules.model.Answer;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Section;

/** Reads a zone's NS set directly from servers (RD=0): the child's own, or the parent's delegation. */
final class NsSets {
    private final DnsClient client;

    NsSets(DnsClient client) {
        this.client = client;
    }

    /** The NS set of the first child server that answers it authoritatively; empty if none does. */
    CompletableFuture<Set<String>> fromChild(String zone, List<String> addresses) {
        return firstFound(zone, addresses, 0, NsSets::childSet);
    }

    /**
     * The delegation as the first parent server that answers gives it: the NS records of the
     * referral's authority section, or the answer section when that server is authoritative for
     * the child too. Empty if no parent server says.
     */
    CompletableFuture<Set<String>> fromParent(String zone, List<String> addresses) {
        return firstFound(zone, addresses, 0, NsSets::delegationSet);
    }

    private interface Reader {
        SortedSet<String> read(Exchange x, String zone);
    }

    private CompletableFuture<Set<String>> firstFound(String zone, List<String> addresses, int index, Reader reader) {
        if (index >= addresses.size()) {
            return CompletableFuture.completedFuture(Set.of());
        }
        return client.exchange(addresses.get(index), zone, "NS", false).thenCompose(x -> {
            SortedSet<String> found = reader.read(x, zone);
            return found.isEmpty() ? firstFound(zone, addresses, index + 1, reader)
                    : CompletableFuture.completedFuture(found);
        });
    }

    private static SortedSet<String> childSet(Exchange x, String zone) {
        Answer a = x.answer();
        if (!a.isReply() || !a.authoritative() || a.rcode() != Answer.NOERROR) {
            return new java.util.TreeSet<>();
        }
        return Replies.nsTargets(x.message(), Section.ANSWER, zone);
    }

    private static SortedSet<String> delegationSet(Exchange x, String zone) {
        Answer a = x.answer();
        if (!a.isReply() || a.rcode() != Answer.NOERROR) {
            return new java.util.TreeSet<>();
        }
        SortedSet<String> referral = Replies.nsTargets(x.message(), Section.AUTHORITY, zone);
        if (!referral.isEmpty() || !a.authoritative()) {
            return referral;
        }
        return Replies.nsTargets(x.message(), Section.ANSWER, zone);
    }
}
