package dev.dkimagent.agent.dns;

import java.time.Duration;
import java.util.List;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;

/**
 * What a {@link FakeNameserver} does with one (name, type): answer, fail in a scripted way, or
 * stay silent. Immutable; the modifiers return a changed copy.
 */
public record Reply(Kind kind, int code, boolean aa, List<Record> answers, List<Record> authorities,
                    List<Record> additionals, boolean tcOverUdp, Duration delay, int dropFirst) {

    public enum Kind { MESSAGE, DROP, GARBAGE, GARBAGE_WITH_OUR_ID, WRONG_ID, WRONG_QUESTION, COMPRESSION_LOOP }

    public Reply {
        answers = List.copyOf(answers);
        authorities = List.copyOf(authorities);
        additionals = List.copyOf(additionals);
    }

    /** NOERROR, AA set, with these records in the answer section. */
    public static Reply answer(Record... records) {
        return new Reply(Kind.MESSAGE, Rcode.NOERROR, true, List.of(records), List.of(), List.of(), false,
                Duration.ZERO, 0);
    }

    /** NXDOMAIN, AA set, the zone's SOA in the authority section. */
    public static Reply nxdomain(Record soa) {
        return answer().rcode(Rcode.NXDOMAIN).authority(soa);
    }

    /** NOERROR with an empty answer and the zone's SOA in the authority section. */
    public static Reply nodata(Record soa) {
        return answer().authority(soa);
    }

    /** A bare reply with this rcode and no records (REFUSED, SERVFAIL, FORMERR ...); AA clear. */
    public static Reply withRcode(int rcode) {
        return answer().rcode(rcode).notAuthoritative();
    }

    /** A referral: no AA, the delegation's NS records in the authority section. */
    public static Reply referral(Record... nsRecords) {
        return answer().notAuthoritative().authority(nsRecords);
    }

    public static Reply drop() {
        return answer().kind(Kind.DROP);
    }

    /** Bytes that are not DNS, starting with an id that is not the query's. */
    public static Reply garbage() {
        return answer().kind(Kind.GARBAGE);
    }

    /** The query's id followed by bytes that are not DNS. */
    public static Reply garbageWithOurId() {
        return answer().kind(Kind.GARBAGE_WITH_OUR_ID);
    }

    /** A well-formed reply whose message id is not the query's. */
    public static Reply wrongId(Record... records) {
        return answer(records).kind(Kind.WRONG_ID);
    }

    /** A well-formed reply, right id, to another question. */
    public static Reply wrongQuestion(Record... records) {
        return answer(records).kind(Kind.WRONG_QUESTION);
    }

    /** The query's id and question, then one answer whose owner name is a label and a pointer back to it. */
    public static Reply compressionLoop() {
        return answer().kind(Kind.COMPRESSION_LOOP);
    }

    public Reply rcode(int value) {
        return new Reply(kind, value, aa, answers, authorities, additionals, tcOverUdp, delay, dropFirst);
    }

    public Reply notAuthoritative() {
        return new Reply(kind, code, false, answers, authorities, additionals, tcOverUdp, delay, dropFirst);
    }

    public Reply authority(Record... records) {
        return new Reply(kind, code, aa, answers, List.of(records), additionals, tcOverUdp, delay,
                dropFirst);
    }

    public Reply additional(Record... records) {
        return new Reply(kind, code, aa, answers, authorities, List.of(records), tcOverUdp, delay,
                dropFirst);
    }

    /** Over UDP: TC set and no records; over TCP: the full reply. */
    public Reply truncatedOverUdp() {
        return new Reply(kind, code, aa, answers, authorities, additionals, true, delay, dropFirst);
    }

    public Reply delayed(Duration value) {
        return new Reply(kind, code, aa, answers, authorities, additionals, tcOverUdp, value, dropFirst);
    }

    /** Stays silent for the first n queries of this (name, type), then replies. */
    public Reply afterDropping(int n) {
        return new Reply(kind, code, aa, answers, authorities, additionals, tcOverUdp, delay, n);
    }

    private Reply kind(Kind value) {
        return new Reply(value, code, aa, answers, authorities, additionals, tcOverUdp, delay, dropFirst);
    }
}
