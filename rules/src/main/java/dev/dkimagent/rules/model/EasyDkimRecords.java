package dev.dkimagent.rules.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The records of an Easy-DKIM identity, {@code <token>._domainkey.<domain> CNAME <token>.<zone>}
 * per token, kept as the domain, the zone and the tokens alone: a large inventory holds these for
 * every identity, and the two names per record were most of its heap. {@link #get} builds a record
 * on demand, equal by value to the one a plain list would hold; the list is immutable and equals
 * and hashes as any list of the same records does.
 */
public final class EasyDkimRecords extends AbstractList<ExpectedRecord> implements RandomAccess {
    private final String domain;
    private final String zone;
    private final String[] tokens;
    private int hash; // 0 until computed, as String does

    private EasyDkimRecords(String domain, String zone, String[] tokens) {
        this.domain = domain;
        this.zone = zone;
        this.tokens = tokens;
    }

    /**
     * One CNAME per distinct token, in the order given. The domain and zone are normalised here,
     * once; a token is the record's selector exactly as given (as {@link ExpectedRecord} keeps it).
     */
    public static EasyDkimRecords of(String domain, String zone, List<String> tokens) {
        String[] distinct = new LinkedHashSet<>(tokens).toArray(String[]::new);
        for (String token : distinct) {
            Objects.requireNonNull(token, "token");
        }
        return new EasyDkimRecords(Objects.requireNonNull(Names.normal(domain), "domain"),
                Objects.requireNonNull(Names.normal(zone), "zone"), distinct);
    }

    /**
     * {@code records} kept compact when they are exactly the Easy-DKIM records of {@code domain}
     * (CNAMEs into one zone, one per distinct token, in that order), else {@code records} as given:
     * for identities read back from where they were stored as plain records.
     */
    public static List<ExpectedRecord> compactIfEasyDkim(String domain, List<ExpectedRecord> records) {
        if (records.isEmpty() || records instanceof EasyDkimRecords || records.get(0).type() != RecordType.CNAME) {
            return records;
        }
        ExpectedRecord first = records.get(0);
        String prefix = Names.normal(first.selector()) + ".";
        if (!first.value().startsWith(prefix)) {
            return records;
        }
        List<String> tokens = new ArrayList<>(records.size());
        records.forEach(r -> tokens.add(r.selector()));
        EasyDkimRecords compact = of(domain, first.value().substring(prefix.length()), tokens);
        return compact.equals(records) ? compact : records;
    }

    @Override
    public ExpectedRecord get(int index) {
        String token = tokens[Objects.checkIndex(index, tokens.length)];
        return new ExpectedRecord(token, token + "._domainkey." + domain, RecordType.CNAME, token + "." + zone);
    }

    @Override
    public int size() {
        return tokens.length;
    }

    /** Another such list with the same domain, zone and tokens is equal without building a record. */
    @Override
    public boolean equals(Object o) {
        if (o instanceof EasyDkimRecords other && domain.equals(other.domain) && zone.equals(other.zone)
                && Arrays.equals(tokens, other.tokens)) {
            return true;
        }
        return super.equals(o);
    }

    /** The list hash of the records, computed once: an inventory's hash would otherwise build them all. */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = super.hashCode();
            hash = h;
        }
        return h;
    }
}
