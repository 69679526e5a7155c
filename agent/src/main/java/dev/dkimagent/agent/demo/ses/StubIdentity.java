package dev.dkimagent.agent.demo.ses;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One identity the {@link AwsSesStub} serves, scripted with fluent setters. Defaults: a verified
 * Easy-DKIM domain (SUCCESS, three tokens derived from the name, dkim.amazonses.com, AWS_SES).
 */
public final class StubIdentity {
    private final String name;
    private final boolean email;
    private volatile String status = "SUCCESS";
    private volatile boolean signingEnabled = true;
    private volatile List<String> tokens;
    private volatile String zone = "dkim.amazonses.com";
    private volatile String origin = "AWS_SES";
    private volatile String currentKeyLength = "RSA_2048_BIT";
    private volatile String nextKeyLength = "RSA_2048_BIT";
    private volatile Instant lastKeyGeneration = Instant.parse("2026-01-01T00:00:00Z");
    private volatile String errorType;
    private volatile Instant lastChecked = Instant.parse("2026-11-28T00:00:00Z");
    private volatile Instant lastSuccess = Instant.parse("2026-11-28T00:00:00Z");
    private volatile Long soaSerial;

    StubIdentity(String name, boolean email) {
        this.name = name;
        this.email = email;
        String base = name.replaceAll("[^a-z0-9]", "").toLowerCase(Locale.ROOT);
        this.tokens = List.of(base + "tok1", base + "tok2", base + "tok3");
    }

    /** v2 spelling: PENDING, SUCCESS, FAILED, TEMPORARY_FAILURE, NOT_STARTED. */
    public StubIdentity status(String v2Status) {
        this.status = v2Status;
        return this;
    }

    public StubIdentity signingEnabled(boolean enabled) {
        this.signingEnabled = enabled;
        return this;
    }

    public StubIdentity tokens(String... values) {
        this.tokens = List.of(values);
        return this;
    }

    public StubIdentity zone(String signingHostedZone) {
        this.zone = signingHostedZone;
        return this;
    }

    /** AWS_SES, EXTERNAL (BYODKIM: the tokens are the selector) or AWS_SES_&lt;REGION&gt; (replica). */
    public StubIdentity origin(String signingAttributesOrigin) {
        this.origin = signingAttributesOrigin;
        return this;
    }

    public StubIdentity keyLengths(String current, String next) {
        this.currentKeyLength = current;
        this.nextKeyLength = next;
        return this;
    }

    public StubIdentity lastKeyGeneration(Instant at) {
        this.lastKeyGeneration = at;
        return this;
    }

    public StubIdentity errorType(String type) {
        this.errorType = type;
        return this;
    }

    public StubIdentity lastChecked(Instant at) {
        this.lastChecked = at;
        return this;
    }

    public StubIdentity lastSuccess(Instant at) {
        this.lastSuccess = at;
        return this;
    }

    public StubIdentity soaSerial(long serial) {
        this.soaSerial = serial;
        return this;
    }

    public String name() {
        return name;
    }

    public boolean signingEnabled() {
        return signingEnabled;
    }

    public boolean email() {
        return email;
    }

    public List<String> tokens() {
        return tokens;
    }

    /** v1 spells the status in camel case: TEMPORARY_FAILURE -> TemporaryFailure. */
    String v1Status() {
        StringBuilder out = new StringBuilder();
        for (String part : status.split("_")) {
            out.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    /** v1 shows no Easy-DKIM tokens for a BYODKIM identity. */
    List<String> v1Tokens() {
        return "EXTERNAL".equals(origin) ? List.of() : tokens;
    }

    String v2Json() {
        Json dkim = new Json().bool("SigningEnabled", signingEnabled).str("Status", status)
                .strings("Tokens", tokens).str("SigningHostedZone", "EXTERNAL".equals(origin) ? null : zone)
                .str("SigningAttributesOrigin", origin).str("CurrentSigningKeyLength", currentKeyLength)
                .str("NextSigningKeyLength", nextKeyLength).time("LastKeyGenerationTimestamp", lastKeyGeneration);
        Json soa = soaSerial == null ? null : new Json().str("PrimaryNameServer", "ns1." + name)
                .str("AdminEmail", "hostmaster." + name).num("SerialNumber", soaSerial);
        Json verification = new Json().str("ErrorType", errorType).time("LastCheckedTimestamp", lastChecked)
                .time("LastSuccessTimestamp", lastSuccess).obj("SOARecord", soa);
        return new Json().str("IdentityType", email ? "EMAIL_ADDRESS" : "DOMAIN")
                .bool("FeedbackForwardingStatus", true)
                .bool("VerifiedForSendingStatus", "SUCCESS".equals(status))
                .str("VerificationStatus", status)
                .obj("DkimAttributes", dkim).obj("VerificationInfo", verification)
                .raw("Policies", "{}").raw("Tags", "[]").toString();
    }

    /** Just enough JSON writing for the stub; null values are left out, as AWS does. */
    static final class Json {
        private final StringBuilder out = new StringBuilder();

        Json str(String key, String value) {
            return value == null ? this : raw(key, quote(value));
        }

        Json bool(String key, boolean value) {
            return raw(key, Boolean.toString(value));
        }

        Json num(String key, long value) {
            return raw(key, Long.toString(value));
        }

        /** Timestamps are epoch seconds in AWS REST/JSON. */
        Json time(String key, Instant value) {
            return value == null ? this : raw(key, Long.toString(value.getEpochSecond()));
        }

        Json strings(String key, List<String> values) {
            return raw(key, "[" + String.join(",", values.stream().map(Json::quote).toList()) + "]");
        }

        Json obj(String key, Json value) {
            return value == null ? this : raw(key, value.toString());
        }

        Json raw(String key, String json) {
            out.append(out.length() == 0 ? "" : ",").append(quote(key)).append(':').append(json);
            return this;
        }

        static String quote(String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }

        @Override
        public String toString() {
            return "{" + out + "}";
        }
    }
}
