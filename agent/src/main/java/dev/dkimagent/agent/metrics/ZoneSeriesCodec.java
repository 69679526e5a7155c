package dev.dkimagent.agent.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A zone's gauge tables (the DNS families, then dkim_findings) as a stored document, format 1:
 * {@code {"families":[{"name":..,"labels":[..],"rows":[[label values..., value], ..]}, ..]}}.
 * Reading is strict: the families, their order and their label names must be exactly today's,
 * else the document is refused (a node of another version wrote it; it writes it again on its
 * next sweep of the zone, or a node of this version does).
 */
final class ZoneSeriesCodec {
    static final int FORMAT = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ZoneSeriesCodec() {
    }

    static SeriesDocument encode(List<GaugeTable> tables) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode families = root.putArray("families");
        for (GaugeTable table : tables) {
            ObjectNode family = families.addObject();
            family.put("name", table.name());
            ArrayNode labels = family.putArray("labels");
            table.labelNames().forEach(labels::add);
            ArrayNode rows = family.putArray("rows");
            String[] labelValues = table.labelValues();
            double[] values = table.values();
            int width = table.labelNames().size();
            for (int row = 0; row < values.length; row++) {
                ArrayNode cells = rows.addArray();
                for (int i = 0; i < width; i++) {
                    cells.add(labelValues[row * width + i]);
                }
                cells.add(values[row]);
            }
        }
        try {
            return new SeriesDocument(FORMAT, MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write zone series: " + e.getOriginalMessage(), e);
        }
    }

    /** The tables of a document, in the order of {@code empty}; refuses any other format or shape. */
    static List<GaugeTable> decode(SeriesDocument document, List<GaugeTable> empty) {
        if (document.format() != FORMAT) {
            throw new IllegalArgumentException("zone series format " + document.format() + " is not known (this "
                    + "version reads format " + FORMAT + ")");
        }
        JsonNode families = parse(document.json()).path("families");
        if (!families.isArray() || families.size() != empty.size()) {
            throw new IllegalArgumentException("zone series: expected " + empty.size() + " families");
        }
        List<GaugeTable> tables = new ArrayList<>();
        for (int i = 0; i < empty.size(); i++) {
            tables.add(family(families.get(i), empty.get(i)));
        }
        return tables;
    }

    private static GaugeTable family(JsonNode family, GaugeTable table) {
        List<String> labels = strings(family.path("labels"), "labels of " + table.name());
        if (!table.name().equals(family.path("name").asText()) || !labels.equals(table.labelNames())) {
            throw new IllegalArgumentException("zone series: expected family " + table.name() + " with labels "
                    + table.labelNames() + ", found " + family.path("name") + " " + labels);
        }
        JsonNode rows = family.path("rows");
        if (!rows.isArray()) {
            throw new IllegalArgumentException("zone series: rows of " + table.name() + " are not a list");
        }
        for (JsonNode row : rows) {
            if (!row.isArray() || row.size() != labels.size() + 1 || !row.get(labels.size()).isNumber()) {
                throw new IllegalArgumentException("zone series: a row of " + table.name() + " is not "
                        + labels.size() + " label values and a number");
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                values.add(text(row.get(i), table.name()));
            }
            table.restore(row.get(labels.size()).asDouble(), values);
        }
        return table;
    }

    private static List<String> strings(JsonNode array, String what) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("zone series: " + what + " are not a list");
        }
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(text(node, what)));
        return out;
    }

    private static String text(JsonNode node, String what) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("zone series: a value of " + what + " is not a string");
        }
        return node.asText();
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("zone series is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
