package dev.dkimagent.rules;

/**
 * What a finding is about. Fields that do not apply are null: a zone-wide finding has no
 * selector, an SES finding has no nameserver.
 *
 * @param source for SES findings, where SES was read: {@code ses:<account>/<region>}; else null
 */
public record Subject(String identity, String zone, String selector, String nameserver, String address,
                      String source) {

    /** A DNS subject (no SES source). */
    public Subject(String identity, String zone, String selector, String nameserver, String address) {
        this(identity, zone, selector, nameserver, address, null);
    }

    public static Subject zone(String zone) {
        return new Subject(null, zone, null, null, null);
    }

    public static Subject server(String zone, String nameserver, String address) {
        return new Subject(null, zone, null, nameserver, address);
    }

    /** An SES subject: one identity as one account and region sees it. */
    public static Subject ses(String identity, String zone, String source) {
        return new Subject(identity, zone, null, null, null, source);
    }

    public Subject withIdentity(String newIdentity) {
        return new Subject(newIdentity, zone, selector, nameserver, address, source);
    }
}
