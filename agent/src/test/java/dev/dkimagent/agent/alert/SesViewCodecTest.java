package dev.dkimagent.agent.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dkimagent.agent.store.Document;
import dev.dkimagent.agent.store.SesViewRow;
import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.EasyDkimRecords;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.SesApiError;
import dev.dkimagent.rules.model.SesIdentityState;
import dev.dkimagent.rules.model.SesMemory;
import dev.dkimagent.rules.model.SesView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored SES view: an exact shape, every field round-tripped, strict reading that names the row. */
class SesViewCodecTest {
    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    private static final String ROW = "stored SES view (ses_view row (scan 7, scanned at 2026-11-02T10:00:00Z))";

    private static final SesIdentityState FULL = new SesIdentityState("a.test", "prod", "eu-west-1",
            DkimStatus.TEMPORARY_FAILURE, true, "AWS_SES", List.of("t1", "t2", "t3"), "dkim.eu-west-1.amazonses.com",
            "RSA_2048_BIT", "RSA_1024_BIT", T0.minusSeconds(86_400), "HOST_NOT_FOUND", T0.minusSeconds(60),
            T0.minusSeconds(3_600), 2026110201L, true);
    private static final SesIdentityState SPARSE = new SesIdentityState("b.test", "default", "us-east-1", null,
            false, null, List.of(), null, null, null, null, null, null, null, null, false);

    /** Format 1, exactly: a change here is a new format version, not an edit. */
    private static final String FORMAT_1 = "{\"identities\":[{\"name\":\"a.test\",\"source\":\"ses:prod/eu-west-1\","
            + "\"records\":[{\"selector\":\"t1\",\"name\":\"t1._domainkey.a.test\",\"type\":\"CNAME\","
            + "\"value\":\"t1.dkim.eu-west-1.amazonses.com\"},{\"selector\":\"sel\",\"name\":\"sel._domainkey.a.test\","
            + "\"type\":\"TXT\",\"value\":\"\"}]}],\"states\":[{\"identity\":\"b.test\",\"account\":\"default\","
            + "\"region\":\"us-east-1\",\"status\":null,\"signingEnabled\":false,\"origin\":null,\"tokens\":[],"
            + "\"signingHostedZone\":null,\"currentKeyLength\":null,\"nextKeyLength\":null,\"lastKeyGeneration\":null,"
            + "\"errorType\":null,\"lastChecked\":null,\"lastSuccess\":null,\"soaSerial\":null,\"detailed\":false}],"
            + "\"errors\":[{\"account\":\"prod\",\"region\":\"us-east-1\",\"operation\":\"ListIdentities\","
            + "\"error\":\"AccessDenied\"}],\"memory\":[{\"key\":\"ses:default/us-east-1|b.test\","
            + "\"lastStatus\":\"SUCCESS\",\"lastSuccess\":\"2026-11-02T09:00:00Z\",\"tokens\":[\"o1\"]}]}";

    @Test
    void encode_format1_isExactlyThisShape_andReadsBack() {
        List<Identity> identities = List.of(new Identity("a.test", "ses:prod/eu-west-1", List.of(
                new ExpectedRecord("t1", "t1._domainkey.a.test", RecordType.CNAME, "t1.dkim.eu-west-1.amazonses.com"),
                new ExpectedRecord("sel", "sel._domainkey.a.test", RecordType.TXT, ""))));
        SesView view = new SesView(List.of(SPARSE), List.of(new SesApiError("prod", "us-east-1", "ListIdentities",
                "AccessDenied")), Map.of("ses:default/us-east-1|b.test",
                new SesMemory(DkimStatus.SUCCESS, T0.minusSeconds(3_600), List.of("o1"))));

        Document stored = SesViewCodec.encode(identities, view);

        assertThat(stored).isEqualTo(new Document(1, FORMAT_1));
        assertThat(SesViewCodec.decode(row(stored)))
                .isEqualTo(new StoredSesView(7, T0, identities, view));
    }

    @Test
    void decode_easyDkimIdentity_isKeptCompact_andEqualToWhatWasStored() {
        List<Identity> identities = List.of(new Identity("a.test", "ses:prod/eu-west-1",
                EasyDkimRecords.of("a.test", "dkim.eu-west-1.amazonses.com", List.of("t1", "t2", "t3"))));

        StoredSesView back = SesViewCodec.decode(row(SesViewCodec.encode(identities, new SesView(List.of(),
                List.of(), Map.of()))));

        assertThat(back.identities()).isEqualTo(identities);
        assertThat(back.identities().get(0).records()).isInstanceOf(EasyDkimRecords.class);
    }

    @Test
    void roundTrip_everyFieldOfAState_nullsAndAllMemoryKinds() {
        SesView view = new SesView(List.of(FULL, SPARSE), List.of(), Map.of(
                "ses:prod/eu-west-1|a.test", new SesMemory(DkimStatus.TEMPORARY_FAILURE, null, List.of("t1")),
                "ses:default/us-east-1|b.test", new SesMemory(null, T0, List.of())));

        StoredSesView back = SesViewCodec.decode(row(SesViewCodec.encode(List.of(), view)));

        assertThat(back.view()).isEqualTo(view);
        assertThat(back.view().states().get(0)).isEqualTo(FULL);
        assertThat(back.view().revocationDeadline(back.view().states().get(0)))
                .as("judged the same: the deadline from the stored last success").contains(T0.plusSeconds(255_600));
    }

    @Test
    void decode_unknownFormatVersion_failsNamingTheRow() {
        Document stored = SesViewCodec.encode(List.of(), SesView.empty());

        assertThatThrownBy(() -> SesViewCodec.decode(row(new Document(2, stored.json()))))
                .isInstanceOf(StoredFormatException.class)
                .hasMessage(ROW + " has format version 2; this agent reads version 1 only (written by a newer "
                        + "dkim-agent?)");
    }

    @Test
    void decode_unknownOrMissingField_failsRatherThanDroppingIt() {
        assertThatThrownBy(() -> decode(FORMAT_1.replaceFirst("\\{", "{\"accounts\":[],")))
                .isInstanceOf(StoredFormatException.class)
                .hasMessage(ROW + " does not match its format: unknown fields [accounts], missing fields []");
        assertThatThrownBy(() -> decode(FORMAT_1.replace(",\"detailed\":false", "")))
                .isInstanceOf(StoredFormatException.class)
                .hasMessage(ROW + " state does not match its format: unknown fields [], missing fields [detailed]");
        assertThatThrownBy(() -> decode(FORMAT_1.replace("\"type\":\"TXT\"", "\"type\":\"TXT\",\"ttl\":300")))
                .isInstanceOf(StoredFormatException.class)
                .hasMessage(ROW + " identity a.test record does not match its format: unknown fields [ttl], "
                        + "missing fields []");
        assertThatThrownBy(() -> decode(FORMAT_1.replace("\"tokens\":[\"o1\"]}", "\"tokens\":[\"o1\"],\"x\":1}")))
                .isInstanceOf(StoredFormatException.class)
                .hasMessageContaining(ROW + " memory does not match its format: unknown fields [x]");
    }

    @Test
    void decode_wrongKinds_failLoudly() {
        assertThatThrownBy(() -> decode(FORMAT_1.replace("\"SUCCESS\"", "\"VERIFIED\"")))
                .isInstanceOf(StoredFormatException.class)
                .hasMessage(ROW + " memory ses:default/us-east-1|b.test: 'lastStatus' has unknown value VERIFIED");
        assertThatThrownBy(() -> decode(FORMAT_1.replace("\"signingEnabled\":false", "\"signingEnabled\":\"no\"")))
                .isInstanceOf(StoredFormatException.class)
                .hasMessage(ROW + " state: 'signingEnabled' is not true or false");
        assertThatThrownBy(() -> decode(FORMAT_1.replace("\"soaSerial\":null", "\"soaSerial\":\"42\"")))
                .isInstanceOf(StoredFormatException.class)
                .hasMessage(ROW + " state: 'soaSerial' is not a whole number");
        assertThatThrownBy(() -> decode(FORMAT_1.replace("\"tokens\":[]", "\"tokens\":[1]")))
                .isInstanceOf(StoredFormatException.class)
                .hasMessage(ROW + " state: 'tokens' holds a non-string: 1");
        assertThatThrownBy(() -> decode(FORMAT_1.replace("\"type\":\"CNAME\"", "\"type\":\"MX\"")))
                .isInstanceOf(StoredFormatException.class)
                .hasMessage(ROW + " identity a.test record: 'type' has unknown value MX");
        assertThatThrownBy(() -> decode("{\"identities\":"))
                .isInstanceOf(StoredFormatException.class).hasMessageContaining(ROW + " is not JSON");
    }

    @Test
    void decode_sameMemoryKeyTwice_failsLoudly() {
        String entry = "{\"key\":\"ses:default/us-east-1|b.test\",\"lastStatus\":\"SUCCESS\","
                + "\"lastSuccess\":\"2026-11-02T09:00:00Z\",\"tokens\":[\"o1\"]}";

        assertThatThrownBy(() -> decode(FORMAT_1.replace(entry, entry + "," + entry)))
                .isInstanceOf(StoredFormatException.class)
                .hasMessage(ROW + " memory: key ses:default/us-east-1|b.test appears twice");
    }

    private static StoredSesView decode(String json) {
        return SesViewCodec.decode(row(new Document(1, json)));
    }

    private static SesViewRow row(Document view) {
        return new SesViewRow(7, T0, view);
    }
}
