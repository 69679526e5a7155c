package dev.dkimagent.agent.dns;

/**
 * The zone apex that holds a domain, or why it could not be found.
 *
 * @param apex                the apex, normalised; null when error is set
 * @param error               null, or a short human reason ("a.test does not exist (NXDOMAIN)")
 * @param resolverUnreachable true when no resolver replied at all (every one failed at transport level)
 */
public record ApexResult(String apex, String error, boolean resolverUnreachable) {

    static ApexResult found(String apex) {
        return new ApexResult(apex, null, false);
    }

    static ApexResult error(String why, boolean resolverUnreachable) {
        return new ApexResult(null, why, resolverUnreachable);
    }

    public boolean found() {
        return apex != null;
    }
}
