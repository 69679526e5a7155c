package dev.dkimagent.rules.model;

/**
 * One DKIM record a mail setup depends on. Names are lower case, without the trailing dot.
 *
 * @param selector the DKIM selector (the label before {@code ._domainkey})
 * @param name     the owner name, e.g. {@code t1._domainkey.mycompany.com}
 * @param type     CNAME (value is the target) or TXT (value is the expected key text, or empty
 *                 when any valid DKIM key will do)
 * @param value    see {@code type}
 */
public record ExpectedRecord(String selector, String name, RecordType type, String value) {

    public ExpectedRecord {
        name = Names.normal(name);
        if (type == RecordType.CNAME) {
            value = Names.normal(value);
        }
    }

    /** The selector of a {@code <selector>._domainkey.<domain>} name, or the whole name. */
    public static String selectorOf(String name) {
        String n = Names.normal(name);
        int at = n.indexOf("._domainkey.");
        return at > 0 ? n.substring(0, at) : n;
    }
}
