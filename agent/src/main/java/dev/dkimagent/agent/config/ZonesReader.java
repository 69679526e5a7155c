package dev.dkimagent.agent.config;

import com.typesafe.config.ConfigValueType;
import dev.dkimagent.rules.model.Names;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code dkim-agent.zones}: per apex, the nameservers to check instead of the zone's NS set. */
final class ZonesReader {
    static final List<String> KEYS = List.of("nameservers");
    private static final String NAMESERVERS = "a list of 1 or more nameservers (" + Endpoints.NAMESERVER_FORMS + ")";

    private ZonesReader() {
    }

    static Map<String, List<String>> read(Node zones) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (!zones.requireObject("an object of \"apex\" { nameservers = [...] }")) {
            return result;
        }
        for (String key : zones.keys()) {
            Node zone = zones.child(key);
            if (isSplitByDots(zone)) {
                zone.problem("a zone name with dots must be quoted: write \"" + joinedName(zone, key)
                        + "\" { nameservers = [...] }");
            } else {
                readZone(zone, key, result);
            }
        }
        return result;
    }

    private static void readZone(Node zone, String key, Map<String, List<String>> result) {
        boolean validName = DnsNames.checkName(zone, key);
        if (!zone.requireObject("an object { nameservers = [...] }")) {
            return;
        }
        KnownKeys.check(zone, KEYS);
        List<String> nameservers = nameservers(zone.child("nameservers"));
        String apex = Names.normal(key);
        if (validName && result.putIfAbsent(apex, nameservers) != null) {
            zone.problem("zone '" + apex + "' is configured twice; merge the entries");
        }
    }

    private static List<String> nameservers(Node node) {
        List<Node> elements = node.list(NAMESERVERS);
        if (node.type() == ConfigValueType.LIST && elements.isEmpty()) {
            node.problem("expected " + NAMESERVERS + ", got 0");
        }
        List<String> valid = new ArrayList<>();
        for (Node element : elements) {
            element.string("a nameserver (" + Endpoints.NAMESERVER_FORMS + ")")
                    .filter(text -> Endpoints.checkNameserver(element, text))
                    .ifPresent(valid::add);
        }
        return valid;
    }

    /** Unquoted {@code mycompany.com { ... }} parses as {@code mycompany { com { ... } }}. */
    private static boolean isSplitByDots(Node zone) {
        return zone.type() == ConfigValueType.OBJECT
                && !zone.keys().contains("nameservers")
                && zone.keys().stream().anyMatch(k -> zone.child(k).type() == ConfigValueType.OBJECT);
    }

    private static String joinedName(Node zone, String key) {
        Node node = zone;
        StringBuilder name = new StringBuilder(key);
        while (isSplitByDots(node) && node.keys().size() == 1) {
            String next = node.keys().get(0);
            name.append('.').append(next);
            node = node.child(next);
        }
        return name.toString();
    }
}
