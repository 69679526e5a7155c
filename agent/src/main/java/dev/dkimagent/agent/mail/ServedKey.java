package dev.dkimagent.agent.mail;

import dev.dkimagent.rules.model.Nameserver;
import java.util.List;

/**
 * What one authoritative nameserver of {@code d=} serves at {@code <s>._domainkey.<d>}, followed
 * through its CNAME (the target's key read through the resolvers, as {@code check} does).
 *
 * @param server      the nameserver address asked directly (RD=0)
 * @param state       served, not served, or no usable answer
 * @param cnameTarget the CNAME the server answered with, or null
 * @param records     the TXT values found (character-strings joined), empty unless SERVED
 * @param detail      why NOT_SERVED or NO_ANSWER ("NXDOMAIN", "timeout after 3 attempts"), else null
 */
public record ServedKey(Nameserver server, State state, String cnameTarget, List<String> records, String detail) {

    public enum State { SERVED, NOT_SERVED, NO_ANSWER }

    public ServedKey {
        records = List.copyOf(records);
    }

    static ServedKey served(Nameserver server, String cnameTarget, List<String> records) {
        return new ServedKey(server, State.SERVED, cnameTarget, records, null);
    }

    static ServedKey notServed(Nameserver server, String cnameTarget, String why) {
        return new ServedKey(server, State.NOT_SERVED, cnameTarget, List.of(), why);
    }

    static ServedKey noAnswer(Nameserver server, String why) {
        return new ServedKey(server, State.NO_ANSWER, null, List.of(), why);
    }
}
