package dev.dkimagent.agent.demo;

import dev.dkimagent.agent.demo.dns.Zone;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;

/**
 * The zone data of the demo world. Every server holds every identity's zone; two faults are
 * scripted: ns3 kept an older copy of {@value #DRIFTED} (an older serial, one record missing, one
 * TTL different) until it catches up ({@link #servedBy(String, List, boolean)} healed), and
 * {@value #CLEANED_UP}'s first record points at a doubled name on every server (an
 * infrastructure-as-code slip).
 */
final class DemoZones {
    static final String KEY_ZONE = "dkim.amazonses.com.";
    /** SES's own signing domain: every message SES sends carries a second signature, d=amazonses.com. */
    static final String AMAZON_ZONE = "amazonses.com.";
    static final String AMAZON_SELECTOR = "224i4yxa5dv7c2xz3womw6peuasteono";
    static final String DRIFTED = "mycompany.test";
    static final String DRIFTED_SERVER = "ns3";
    static final String CLEANED_UP = "shop.test";
    static final long SERIAL = 2026120102L;
    static final long STALE_SERIAL = 2026120101L;
    static final long TTL = 3600;
    static final long STALE_TTL = 600;
    private static final long SOA_MINIMUM = 300;
    private static final List<String> SERVERS = List.of("ns1", "ns2", DRIFTED_SERVER);

    private DemoZones() {
    }

    static List<String> servers() {
        return SERVERS;
    }

    /** The zones server (ns1, ns2 or ns3) serves at the start: ns3 has the drifted copy. */
    static List<Zone> servedBy(String server, List<DemoIdentity> identities) {
        return servedBy(server, identities, false);
    }

    /** As above; healed: ns3 has caught up (current serial, every record, the same TTLs). */
    static List<Zone> servedBy(String server, List<DemoIdentity> identities, boolean healed) {
        return identities.stream().map(identity -> zone(server, identity, healed)).toList();
    }

    /** The zone of the CNAME targets, with one key per token: what the demo's resolver answers from. */
    static Zone keyZone(List<DemoIdentity> identities, List<String> keyStrings) {
        List<Record> records = new ArrayList<>();
        records.add(soa(KEY_ZONE, SERIAL));
        identities.forEach(i -> i.tokens().forEach(token ->
                records.add(new TXTRecord(name(DemoIdentity.target(token)), DClass.IN, TTL, keyStrings))));
        return Zone.of(records);
    }

    /** amazonses.com with the key of SES's own signature (s={@value #AMAZON_SELECTOR}), on its own server. */
    static Zone amazonZone(List<String> keyStrings) {
        List<Record> records = new ArrayList<>();
        records.add(soa(AMAZON_ZONE, SERIAL));
        records.add(new NSRecord(name(AMAZON_ZONE), DClass.IN, TTL, name("ns1." + AMAZON_ZONE)));
        records.add(new ARecord(name("ns1." + AMAZON_ZONE), DClass.IN, TTL, loopback()));
        records.add(new TXTRecord(name(AMAZON_SELECTOR + "._domainkey." + AMAZON_ZONE), DClass.IN, TTL, keyStrings));
        return Zone.of(records);
    }

    private static Zone zone(String server, DemoIdentity identity, boolean healed) {
        boolean stale = !healed && server.equals(DRIFTED_SERVER) && identity.domain().equals(DRIFTED);
        String apex = identity.domain() + ".";
        List<Record> records = new ArrayList<>();
        records.add(soa(apex, stale ? STALE_SERIAL : SERIAL));
        for (String ns : SERVERS) {
            records.add(new NSRecord(name(apex), DClass.IN, TTL, name(ns + "." + apex)));
            records.add(new ARecord(name(ns + "." + apex), DClass.IN, TTL, loopback()));
        }
        List<String> tokens = identity.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            boolean missing = stale && i == 2;
            if (!missing) {
                records.add(cname(identity, tokens.get(i), stale && i == 1 ? STALE_TTL : TTL, i == 0));
            }
        }
        return Zone.of(records);
    }

    private static Record cname(DemoIdentity identity, String token, long ttl, boolean first) {
        String target = DemoIdentity.target(token);
        if (first && identity.domain().equals(CLEANED_UP)) {
            target = target + identity.domain() + ".";
        }
        return new CNAMERecord(name(identity.recordName(token)), DClass.IN, ttl, name(target));
    }

    private static SOARecord soa(String apex, long serial) {
        return new SOARecord(name(apex), DClass.IN, TTL, name("ns1." + apex), name("hostmaster." + apex), serial,
                3600, 600, 86400, SOA_MINIMUM);
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + text, e);
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("127.0.0.1 is a valid address", e);
        }
    }
}
