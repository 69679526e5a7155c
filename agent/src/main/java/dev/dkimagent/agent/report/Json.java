package dev.dkimagent.agent.report;

import java.util.Iterator;
import java.util.Map;

/** A minimal JSON writer for the report: objects, arrays, strings, booleans and numbers. */
final class Json {
    private Json() {
    }

    /** Writes maps as objects, iterables as arrays, strings escaped, Boolean/Number as is; null entries are dropped. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> map) {
            appendObject(out, map);
        } else if (value instanceof Iterable<?> items) {
            appendArray(out, items.iterator());
        } else if (value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else {
            appendString(out, String.valueOf(value));
        }
    }

    private static void appendObject(StringBuilder out, Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getValue() == null) {
                continue; // a field that does not apply is absent
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            appendString(out, String.valueOf(e.getKey()));
            out.append(':');
            append(out, e.getValue());
        }
        out.append('}');
    }

    private static void appendArray(StringBuilder out, Iterator<?> items) {
        out.append('[');
        while (items.hasNext()) {
            append(out, items.next());
            if (items.hasNext()) {
                out.append(',');
            }
        }
        out.append(']');
    }

    static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
