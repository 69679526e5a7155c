package dev.dkimagent.agent.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON report of {@code verify-message} (a public contract: add fields, never rename them). */
public final class VerificationJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintWriter out;

    public VerificationJson(PrintWriter out) {
        this.out = out;
    }

    public void print(MessageVerification verification) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("result", verification.allPass() ? "pass" : "fail");
        doc.put("signatures", verification.signatures().stream().map(VerificationJson::signature).toList());
        doc.put("receiver", verification.receiver().stream().map(VerificationJson::receiver).toList());
        try {
            out.println(MAPPER.writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialize", e);
        }
        out.flush();
    }

    private static Map<String, Object> signature(SignatureResult s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", lower(s.result()));
        if (s.tags() == null) {
            m.put("error", s.parseError());
            m.put("field", s.field());
            return m;
        }
        SignatureTags t = s.tags();
        m.put("d", t.domain());
        m.put("s", t.selector());
        m.put("a", t.algorithm());
        m.put("c", t.canonical());
        m.put("h", t.headers());
        m.put("i", t.identity());
        m.put("l", t.bodyLength());
        m.put("t", t.signedAt());
        m.put("x", t.expiresAt());
        m.put("expired", s.expired());
        m.put("bodyHash", Map.of("expected", t.bodyHash(), "computed", String.valueOf(s.body().computed()),
                "matches", s.body().matches()));
        m.put("keyName", s.lookup().name());
        m.put("zone", s.lookup().zone());
        m.put("nameservers", s.keys().stream().map(VerificationJson::key).toList());
        m.put("problems", s.problems().stream().map(p -> Map.of("kind", lower(p.kind()), "detail", p.detail())).toList());
        return m;
    }

    private static Map<String, Object> key(KeyVerdict k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", k.key().server().host());
        m.put("address", k.key().server().address());
        m.put("result", lower(k.outcome()));
        m.put("reason", k.reason());
        m.put("cname", k.key().cnameTarget());
        return m;
    }

    private static Map<String, Object> receiver(ReceiverResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("authservId", r.authservId());
        m.put("method", r.method());
        m.put("result", r.result());
        m.put("properties", r.properties());
        return m;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

}
