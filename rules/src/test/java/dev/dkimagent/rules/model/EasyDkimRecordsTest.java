package dev.dkimagent.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class EasyDkimRecordsTest {
    private static final List<String> TOKENS = List.of("t1", "t2", "t3");
    private static final List<ExpectedRecord> PLAIN = List.of(
            new ExpectedRecord("t1", "t1._domainkey.example.com", RecordType.CNAME, "t1.dkim.amazonses.com"),
            new ExpectedRecord("t2", "t2._domainkey.example.com", RecordType.CNAME, "t2.dkim.amazonses.com"),
            new ExpectedRecord("t3", "t3._domainkey.example.com", RecordType.CNAME, "t3.dkim.amazonses.com"));

    private static EasyDkimRecords records() {
        return EasyDkimRecords.of("example.com", "dkim.amazonses.com", TOKENS);
    }

    @Test
    void get_buildsTheCnameOfEachTokenInOrder() {
        EasyDkimRecords records = records();

        assertThat(records).hasSize(3);
        assertThat(records.get(1)).isEqualTo(new ExpectedRecord("t2", "t2._domainkey.example.com",
                RecordType.CNAME, "t2.dkim.amazonses.com"));
        assertThat(new ArrayList<>(records)).isEqualTo(PLAIN);
    }

    @Test
    void equalsAndHashCode_areThoseOfAPlainListOfTheSameRecords() {
        EasyDkimRecords records = records();

        assertThat(records).isEqualTo(PLAIN);
        assertThat(PLAIN).isEqualTo(records);
        assertThat(records.hashCode()).isEqualTo(PLAIN.hashCode());
        assertThat(records.hashCode()).isEqualTo(PLAIN.hashCode()); // the cached hash, second call
        assertThat(records).isEqualTo(records());
        assertThat(records).isNotEqualTo(EasyDkimRecords.of("example.com", "dkim.amazonses.com", List.of("t1", "t2")));
        assertThat(records).isNotEqualTo(EasyDkimRecords.of("example.org", "dkim.amazonses.com", TOKENS));
        assertThat(records).isNotEqualTo(EasyDkimRecords.of("example.com", "dkim.us-east-1.amazonses.com", TOKENS));
        assertThat(records).isNotEqualTo(PLAIN.subList(0, 2));
    }

    @Test
    void domainAndZone_areNormalisedOnce_asExpectedRecordWouldHaveThem() {
        EasyDkimRecords records = EasyDkimRecords.of("Example.COM.", "DKIM.amazonses.com.", TOKENS);

        assertThat(records).isEqualTo(PLAIN);
        assertThat(records).isEqualTo(records());
    }

    @Test
    void aTokenGivenTwice_isOneRecord() {
        EasyDkimRecords records = EasyDkimRecords.of("example.com", "dkim.amazonses.com",
                List.of("t1", "t2", "t1", "t3"));

        assertThat(records).isEqualTo(PLAIN);
    }

    @Test
    void noTokens_isTheEmptyList() {
        assertThat(EasyDkimRecords.of("example.com", "dkim.amazonses.com", List.of())).isEqualTo(List.of()).isEmpty();
    }

    @Test
    void isImmutable() {
        EasyDkimRecords records = records();

        assertThatThrownBy(() -> records.add(PLAIN.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> records.set(0, PLAIN.get(1))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> records.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(records::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> {
            Iterator<ExpectedRecord> it = records.iterator();
            it.next();
            it.remove();
        }).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> records.sort(Comparator.comparing(ExpectedRecord::selector).reversed()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(records).isEqualTo(PLAIN);
    }

    @Test
    void aBadIndex_isRefused() {
        EasyDkimRecords records = records();

        assertThatThrownBy(() -> records.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> records.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aNullToken_isRefused() {
        List<String> tokens = new ArrayList<>(TOKENS);
        tokens.add(null);

        assertThatThrownBy(() -> EasyDkimRecords.of("example.com", "dkim.amazonses.com", tokens))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("token");
    }

    @Test
    void compactIfEasyDkim_keepsEasyDkimRecordsCompact_andAnythingElseAsGiven() {
        assertThat(EasyDkimRecords.compactIfEasyDkim("example.com", PLAIN))
                .isInstanceOf(EasyDkimRecords.class).isEqualTo(PLAIN);

        List<ExpectedRecord> twoZones = List.of(PLAIN.get(0),
                new ExpectedRecord("t2", "t2._domainkey.example.com", RecordType.CNAME, "t2.dkim.eu-west-1.amazonses.com"));
        List<ExpectedRecord> txt = List.of(new ExpectedRecord("s1", "s1._domainkey.example.com", RecordType.TXT, ""));
        List<ExpectedRecord> otherDomain = List.of(PLAIN.get(0));
        List<ExpectedRecord> repeated = List.of(PLAIN.get(0), PLAIN.get(0));
        List<ExpectedRecord> otherTarget = List.of(
                new ExpectedRecord("t1", "t1._domainkey.example.com", RecordType.CNAME, "key.example.net"));
        for (List<ExpectedRecord> records : List.of(twoZones, txt, repeated, otherTarget, List.<ExpectedRecord>of())) {
            assertThat(EasyDkimRecords.compactIfEasyDkim("example.com", records)).isSameAs(records);
        }
        assertThat(EasyDkimRecords.compactIfEasyDkim("example.org", otherDomain)).isSameAs(otherDomain);
    }
}
