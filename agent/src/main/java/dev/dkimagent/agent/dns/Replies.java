package dev.dkimagent.agent.dns;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Names;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.Soa;
import dev.dkimagent.rules.model.Transport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SPFRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** Turns a dnsjava reply into the model's observation. */
final class Replies {
    private Replies() {
    }

    /**
     * The reply's observation; records owned by {@code question} (if not null) take {@code questionText}
     * (what {@link NameTexts} gives that name) instead of a look-up: most answers are owned by the name asked.
     */
    static Answer toAnswer(Message reply, long rttMillis, Name question, String questionText) {
        List<Record> answer = reply.getSection(Section.ANSWER);
        Rr[] records = new Rr[answer.size()];
        for (int i = 0; i < records.length; i++) {
            Record r = answer.get(i);
            records[i] = toRr(r, question != null && r.getName().equals(question) ? questionText
                    : NameTexts.of(r.getName()));
        }
        return new Answer(Transport.REPLY, reply.getRcode(), reply.getHeader().getFlag(Flags.AA), List.of(records),
                authoritySoa(reply), null, rttMillis);
    }

    private static Rr toRr(Record r, String owner) {
        if (r instanceof SOARecord soa) {
            return Rr.soa(owner, toSoa(soa)); // typed: nothing downstream parses SOA text
        }
        return new Rr(owner, Type.string(r.getType()), r.getTTL(), data(r));
    }

    /** CNAME/NS/PTR...: the target; TXT/SPF: the character-strings joined; A/AAAA: the address. */
    static String data(Record r) {
        if (r instanceof TXTRecord txt) {
            return joined(txt.getStringsAsByteArrays());
        }
        if (r instanceof SPFRecord spf) {
            return joined(spf.getStringsAsByteArrays());
        }
        if (r instanceof ARecord a) {
            return a.getAddress().getHostAddress();
        }
        if (r instanceof AAAARecord aaaa) {
            return aaaa.getAddress().getHostAddress();
        }
        if (r instanceof CNAMERecord cname) {
            return NameTexts.of(cname.getTarget());
        }
        if (r instanceof NSRecord ns) {
            return NameTexts.of(ns.getTarget());
        }
        return r.rdataToString();
    }

    /** The raw bytes of each character-string, joined: a 2048-bit key split in two is one value. */
    private static String joined(List<byte[]> parts) {
        StringBuilder joined = new StringBuilder();
        for (byte[] part : parts) {
            joined.append(new String(part, StandardCharsets.UTF_8));
        }
        return joined.toString();
    }

    /** Records of one type owned by one name in one section of a reply. */
    static List<Record> owned(Message reply, int section, String owner, int type) {
        if (reply == null) {
            return List.of();
        }
        String n = Names.normal(owner);
        return reply.getSection(section).stream()
                .filter(r -> r.getType() == type && Names.normal(r.getName().toString()).equals(n))
                .toList();
    }

    /** The targets of the NS records owned by the zone in one section, normalised and sorted. */
    static java.util.SortedSet<String> nsTargets(Message reply, int section, String zone) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        owned(reply, section, zone, Type.NS).forEach(r -> out.add(Names.normal(((NSRecord) r).getTarget().toString())));
        return out;
    }

    static Soa authoritySoa(Message reply) {
        for (Record r : reply.getSection(Section.AUTHORITY)) {
            if (r instanceof SOARecord soa) {
                return toSoa(soa);
            }
        }
        return null;
    }

    static Soa toSoa(SOARecord soa) {
        return new Soa(normal(soa.getHost().toString()), normal(soa.getAdmin().toString()), soa.getSerial(),
                soa.getRefresh(), soa.getRetry(), soa.getExpire(), soa.getMinimum(), soa.getTTL());
    }

    private static String normal(String name) {
        return Names.normal(name);
    }
}
