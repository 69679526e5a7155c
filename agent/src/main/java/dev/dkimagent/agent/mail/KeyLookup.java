package dev.dkimagent.agent.mail;

import java.util.List;

/**
 * The key of one {@code s=}/{@code d=} pair as every authoritative nameserver of its zone serves it.
 *
 * @param name          {@code <s>._domainkey.<d>}
 * @param zone          the zone apex that holds the name, or null when none was found
 * @param servers       one entry per nameserver address, in discovery order
 * @param error         why the zone or its servers could not be found, else null
 * @param cannotRun     true when no resolver answered at all: nothing was seen, nothing may be judged
 */
public record KeyLookup(String name, String zone, List<ServedKey> servers, String error, boolean cannotRun) {

    public KeyLookup {
        servers = List.copyOf(servers);
    }

    static KeyLookup failed(String name, String zone, String error, boolean cannotRun) {
        return new KeyLookup(name, zone, List.of(), error, cannotRun);
    }
}
