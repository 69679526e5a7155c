package dev.dkimagent.rules;

/**
 * What a finding is about. Fields that do not apply are null: a zone-wide finding has no
 * selector, an SES finding has no nameserver.
 */
public record Subject(String identity, String zone, String selector, String nameserver, String address) {

    public static Subject zone(String zone) {
        return new Subject(null, zone, null, null, null);
    }

    public static Subject server(String zone, String nameserver, String address) {
        return new Subject(null, zone, null, nameserver, address);
    }

    public Subject withIdentity(String newIdentity) {
        return new Subject(newIdentity, zone, selector, nameserver, address);
    }
}
