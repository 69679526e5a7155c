package dev.dkimagent.agent.config;

import com.typesafe.config.ConfigValueType;
import dev.dkimagent.rules.Severity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads {@code dkim-agent.rules.levels}: "RULE.TAG" = critical | error | warning | info. */
final class LevelsReader {
    private LevelsReader() {
    }

    static Map<String, Severity> read(Node levels, Set<String> knownCodes) {
        Map<String, Severity> result = new LinkedHashMap<>();
        if (!levels.requireObject("an object of \"RULE.TAG\" = severity")) {
            return result;
        }
        for (String key : levels.keys()) {
            Node entry = levels.child(key);
            if (entry.type() == ConfigValueType.OBJECT) {
                reportUnquoted(entry, key);
            } else {
                readEntry(entry, key, knownCodes, result);
            }
        }
        return result;
    }

    /** An unquoted {@code DKIM01.RECORD_MISSING = x} parses as nested objects: say how to write it. */
    private static void reportUnquoted(Node node, String joinedKey) {
        for (String key : node.keys()) {
            Node child = node.child(key);
            String joined = joinedKey + "." + key;
            if (child.type() == ConfigValueType.OBJECT) {
                reportUnquoted(child, joined);
            } else {
                String value = child.type() == ConfigValueType.STRING ? child.text() : "<severity>";
                child.problem("a levels key must be quoted, because an unquoted dot splits it: write \""
                        + joined + "\" = " + value);
            }
        }
    }

    private static void readEntry(Node entry, String code, Set<String> knownCodes, Map<String, Severity> result) {
        if (!knownCodes.contains(code)) {
            entry.problem(KnownKeys.closest(code, knownCodes)
                    .map(c -> "unknown rule code '" + code + "', did you mean '" + c + "'?")
                    .orElse("unknown rule code '" + code + "' (expected \"RULE.TAG\"; `dkim-agent rules` lists them)"));
            return;
        }
        entry.string("critical, error, warning or info").ifPresent(text -> {
            try {
                result.put(code, Severity.parse(text));
            } catch (IllegalArgumentException e) {
                entry.problem("expected critical, error, warning or info, got " + entry.describe());
            }
        });
    }
}
