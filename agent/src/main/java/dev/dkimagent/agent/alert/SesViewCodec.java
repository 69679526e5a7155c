package dev.dkimagent.agent.alert;

import static dev.dkimagent.agent.alert.StrictJson.instant;
import static dev.dkimagent.agent.alert.StrictJson.instantText;
import static dev.dkimagent.agent.alert.StrictJson.requiredText;
import static dev.dkimagent.agent.alert.StrictJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dkimagent.agent.store.Document;
import dev.dkimagent.agent.store.SesViewRow;
import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.EasyDkimRecords;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.SesApiError;
import dev.dkimagent.rules.model.SesMemory;
import dev.dkimagent.rules.model.SesView;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The last SES scan's view as {@code ses_view} keeps it: format 1, an object with exactly
 * <pre>{"identities": [{"name","source","records": [{"selector","name","type","value"}]}],
 *  "states": [state], "errors": [{"account","region","operation","error"}],
 *  "memory": [{"key","lastStatus","lastSuccess","tokens"}]}</pre>
 * states as in {@link SesStateFormat}, times as ISO-8601 instants, absent values as null. Any other
 * version, or any field more or less, is refused with a {@link StoredFormatException} that names
 * the row: judging SES with a view read wrong would raise or resolve SES alerts falsely.
 */
public final class SesViewCodec {

    /** The version this agent writes, and the only one it reads. */
    public static final int FORMAT = 1;

    private static final Set<String> FIELDS = Set.of("identities", "states", "errors", "memory");
    private static final Set<String> IDENTITY_FIELDS = Set.of("name", "source", "records");
    private static final Set<String> RECORD_FIELDS = Set.of("selector", "name", "type", "value");
    private static final Set<String> ERROR_FIELDS = Set.of("account", "region", "operation", "error");
    private static final Set<String> MEMORY_FIELDS = Set.of("key", "lastStatus", "lastSuccess", "tokens");

    private SesViewCodec() {
    }

    /** The SES identities (with their records) and the view as judged, memory included. */
    public static Document encode(List<Identity> identities, SesView view) {
        ObjectNode o = StrictJson.objectNode();
        ArrayNode ids = o.putArray("identities");
        identities.forEach(i -> ids.add(identity(i)));
        ArrayNode states = o.putArray("states");
        view.states().forEach(s -> states.add(SesStateFormat.write(s)));
        ArrayNode errors = o.putArray("errors");
        view.errors().forEach(e -> errors.add(error(e)));
        ArrayNode memory = o.putArray("memory");
        new TreeMap<>(view.memory()).forEach((key, m) -> memory.add(memory(key, m)));
        return new Document(FORMAT, StrictJson.write(o));
    }

    public static StoredSesView decode(SesViewRow row) {
        String what = "stored SES view (" + row.where() + ")";
        if (row.view().format() != FORMAT) {
            throw new StoredFormatException(what + " has format version " + row.view().format()
                    + "; this agent reads version " + FORMAT + " only (written by a newer dkim-agent?)");
        }
        ObjectNode o = StrictJson.object(StrictJson.parseObject(row.view().json(), what), what, FIELDS);
        List<Identity> identities = StrictJson.array(o, "identities", what).stream()
                .map(n -> identity(n, what + " identity")).toList();
        SesView view = new SesView(
                StrictJson.array(o, "states", what).stream().map(n -> SesStateFormat.read(n, what + " state")).toList(),
                StrictJson.array(o, "errors", what).stream().map(n -> error(n, what + " error")).toList(),
                memory(StrictJson.array(o, "memory", what), what + " memory"));
        return new StoredSesView(row.sequence(), row.scannedAt(), identities, view);
    }

    private static ObjectNode identity(Identity identity) {
        ObjectNode o = StrictJson.objectNode();
        o.put("name", identity.name());
        o.put("source", identity.source());
        ArrayNode records = o.putArray("records");
        for (ExpectedRecord r : identity.records()) {
            ObjectNode record = records.addObject();
            record.put("selector", r.selector());
            record.put("name", r.name());
            record.put("type", r.type().name());
            record.put("value", r.value());
        }
        return o;
    }

    private static Identity identity(JsonNode node, String what) {
        ObjectNode o = StrictJson.object(node, what, IDENTITY_FIELDS);
        String name = requiredText(o, "name", what);
        String recordWhat = what + " " + name + " record";
        List<ExpectedRecord> records = StrictJson.array(o, "records", what).stream()
                .map(n -> record(n, recordWhat)).toList();
        // kept compact as the SES inventory keeps them (issue 11): a cluster's nodes read the stored view
        return new Identity(name, requiredText(o, "source", what), EasyDkimRecords.compactIfEasyDkim(name, records));
    }

    private static ExpectedRecord record(JsonNode node, String what) {
        ObjectNode o = StrictJson.object(node, what, RECORD_FIELDS);
        RecordType type = StrictJson.constant(RecordType.class, requiredText(o, "type", what), "type", what);
        return new ExpectedRecord(requiredText(o, "selector", what), requiredText(o, "name", what), type,
                requiredText(o, "value", what));
    }

    private static ObjectNode error(SesApiError e) {
        ObjectNode o = StrictJson.objectNode();
        o.put("account", e.account());
        o.put("region", e.region());
        o.put("operation", e.operation());
        o.put("error", e.error());
        return o;
    }

    private static SesApiError error(JsonNode node, String what) {
        ObjectNode o = StrictJson.object(node, what, ERROR_FIELDS);
        return new SesApiError(requiredText(o, "account", what), requiredText(o, "region", what),
                text(o, "operation", what), text(o, "error", what));
    }

    private static ObjectNode memory(String key, SesMemory m) {
        ObjectNode o = StrictJson.objectNode();
        o.put("key", key);
        o.put("lastStatus", m.lastStatus() == null ? null : m.lastStatus().name());
        o.put("lastSuccess", instantText(m.lastSuccess()));
        o.set("tokens", SesStateFormat.strings(m.lastTokens()));
        return o;
    }

    private static Map<String, SesMemory> memory(List<JsonNode> entries, String what) {
        Map<String, SesMemory> out = new TreeMap<>();
        for (JsonNode node : entries) {
            ObjectNode o = StrictJson.object(node, what, MEMORY_FIELDS);
            String key = requiredText(o, "key", what);
            String status = text(o, "lastStatus", what + " " + key);
            SesMemory m = new SesMemory(
                    status == null ? null : StrictJson.constant(DkimStatus.class, status, "lastStatus", what + " " + key),
                    instant(o, "lastSuccess", what + " " + key), SesStateFormat.strings(o, "tokens", what + " " + key));
            if (out.put(key, m) != null) {
                throw new StoredFormatException(what + ": key " + key + " appears twice");
            }
        }
        return out;
    }
}
