package dev.dkimagent.agent.testworld;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the text of a zone file with absolute names only (no $ORIGIN surprises):
 * {@code ZoneText.of("mycompany.test").serial(2026112802).nameserver("ns1", "127.53.0.11")
 * .cname(token, token + ".dkim.amazonses.com.", 3600).render()}.
 * Owners are relative to the apex unless they end with a dot; "@" is the apex.
 */
public final class ZoneText {
    private static final long REFRESH = 7200;
    private static final long RETRY = 3600;
    private static final long EXPIRE = 1209600;

    private final String apex;
    private long serial = 1;
    private long minimum = 3600;
    private long soaTtl = 3600;
    private long defaultTtl = 3600;
    private String mname;
    private String rname;
    private final List<String> records = new ArrayList<>();

    private ZoneText(String apex) {
        this.apex = Names.fqdn(apex);
    }

    public static ZoneText of(String apex) {
        return new ZoneText(apex);
    }

    /** The apex, absolute (with its trailing dot). */
    public String apex() {
        return apex;
    }

    public ZoneText serial(long value) {
        serial = value;
        return this;
    }

    /** SOA MINIMUM: the negative-caching TTL together with the SOA's own TTL. */
    public ZoneText minimum(long value) {
        minimum = value;
        return this;
    }

    public ZoneText soaTtl(long value) {
        soaTtl = value;
        return this;
    }

    /** $TTL: used by records added without a TTL (NS, A glue). */
    public ZoneText defaultTtl(long value) {
        defaultTtl = value;
        return this;
    }

    /** SOA MNAME; defaults to the first nameserver added, else ns1.&lt;apex&gt;. */
    public ZoneText mname(String host) {
        mname = owner(host);
        return this;
    }

    /** SOA RNAME; defaults to hostmaster.&lt;apex&gt;. */
    public ZoneText rname(String mailbox) {
        rname = owner(mailbox);
        return this;
    }

    /** An apex NS record for {@code host} and its A record (glue or in-zone address). */
    public ZoneText nameserver(String host, String address) {
        ns(host);
        return a(host, address);
    }

    /** An apex NS record only (for out-of-zone nameservers). */
    public ZoneText ns(String host) {
        if (mname == null) {
            mname = owner(host);
        }
        return record("@", null, "NS", owner(host));
    }

    /** A delegation: NS at {@code child} pointing at {@code host}, plus the glue A record. */
    public ZoneText delegation(String child, String host, String address) {
        record(child, null, "NS", owner(host));
        return a(host, address);
    }

    /** The Easy-DKIM record of {@code token}: {@code <token>._domainkey.<apex> CNAME target}. */
    public ZoneText cname(String token, String target, long ttl) {
        return record(token + "._domainkey", ttl, "CNAME", Names.fqdn(target));
    }

    /** {@link #cname} with SES's usual target {@code <token>.dkim.amazonses.com.}. */
    public ZoneText dkimCname(String token, long ttl) {
        return cname(token, WorldData.dkimTarget(token), ttl);
    }

    /** A TXT record of one or more character-strings (each at most 255 bytes). */
    public ZoneText txt(String owner, long ttl, String... strings) {
        StringBuilder rdata = new StringBuilder();
        for (String string : strings) {
            rdata.append(rdata.length() == 0 ? "" : " ").append(quote(string));
        }
        return record(owner, ttl, "TXT", rdata.toString());
    }

    public ZoneText a(String owner, String address) {
        return record(owner, null, "A", address);
    }

    /** Any record; {@code ttl} null means $TTL. */
    public ZoneText record(String owner, Long ttl, String type, String rdata) {
        records.add(owner(owner) + "\t" + (ttl == null ? "" : ttl) + "\tIN\t" + type + "\t" + rdata);
        return this;
    }

    /** A raw zone-file line, written as given. */
    public ZoneText line(String raw) {
        records.add(raw);
        return this;
    }

    public String render() {
        Set<String> lines = new LinkedHashSet<>(); // the same glue may be added by two delegations
        lines.add("$TTL " + defaultTtl);
        lines.add(soa());
        lines.addAll(records);
        return String.join("\n", lines) + "\n";
    }

    @Override
    public String toString() {
        return render();
    }

    private String soa() {
        String primary = mname != null ? mname : owner("ns1");
        String mailbox = rname != null ? rname : owner("hostmaster");
        return apex + "\t" + soaTtl + "\tIN\tSOA\t" + primary + " " + mailbox + " "
                + serial + " " + REFRESH + " " + RETRY + " " + EXPIRE + " " + minimum;
    }

    private String owner(String name) {
        if (name.equals("@")) {
            return apex;
        }
        if (name.endsWith(".")) {
            return name;
        }
        return apex.equals(".") ? name + "." : name + "." + apex;
    }

    private static String quote(String string) {
        return "\"" + string.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Name spelling shared by the harness: absolute with a dot, or NSD's spelling without one. */
    public static final class Names {
        private Names() {
        }

        public static String fqdn(String name) {
            return name.endsWith(".") ? name : name + ".";
        }

        /** NSD's zone name spelling: no trailing dot, except the root ".". */
        public static String zoneName(String name) {
            return name.equals(".") || !name.endsWith(".") ? name : name.substring(0, name.length() - 1);
        }
    }
}
