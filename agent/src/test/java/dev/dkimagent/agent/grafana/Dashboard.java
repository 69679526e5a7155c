package dev.dkimagent.agent.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One parsed dashboard file and the parts the tests look at. */
record Dashboard(String file, JsonNode json) {

    String uid() {
        return json.path("uid").asText();
    }

    List<JsonNode> variables() {
        List<JsonNode> out = new ArrayList<>();
        json.path("templating").path("list").forEach(out::add);
        return out;
    }

    /** Every panel, including those nested in (collapsed) rows. */
    List<JsonNode> panels() {
        List<JsonNode> out = new ArrayList<>();
        collect(json.path("panels"), out);
        return out;
    }

    private static void collect(JsonNode panels, List<JsonNode> out) {
        for (JsonNode panel : panels) {
            out.add(panel);
            collect(panel.path("panels"), out);
        }
    }

    /** Every target expression of every panel. */
    List<PanelQuery> queries() {
        List<PanelQuery> out = new ArrayList<>();
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.path("targets")) {
                out.add(new PanelQuery(uid(), panel.path("title").asText(), target.path("refId").asText(),
                        target.path("expr").asText()));
            }
        }
        return out;
    }

    /** Every "datasource" object anywhere in the dashboard, with where it was found. */
    List<String> datasourceRefs() {
        List<String> out = new ArrayList<>();
        walk(json, "$", out);
        return out;
    }

    private static void walk(JsonNode node, String where, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String path = where + "." + e.getKey();
                if (e.getKey().equals("datasource") && e.getValue().isObject()) {
                    out.add(path + " = " + e.getValue());
                }
                walk(e.getValue(), path, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "[" + i + "]", out);
            }
        }
    }
}
