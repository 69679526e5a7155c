package dev.dkimagent.agent.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One result a receiver recorded in its Authentication-Results field (RFC 8601), e.g.
 * {@code dkim=pass header.d=mycompany.com header.s=k7hq...}.
 *
 * @param authservId who judged (the receiving host)
 * @param method     dkim, spf, dmarc ... (lower case)
 * @param result     pass, fail, none, neutral, temperror, permerror ... (lower case)
 * @param properties header.d, header.i, header.s, smtp.mailfrom ..., as written
 */
public record ReceiverResult(String authservId, String method, String result, Map<String, String> properties) {

    public ReceiverResult {
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** Every method result of every Authentication-Results field, top field first. */
    public static List<ReceiverResult> parseAll(List<String> fields) {
        List<ReceiverResult> all = new ArrayList<>();
        for (String field : fields) {
            all.addAll(parse(field));
        }
        return all;
    }

    static List<ReceiverResult> parse(String field) {
        String value = withoutComments(field.substring(field.indexOf(':') + 1)).replaceAll("\\s+", " ").trim();
        String[] parts = value.split(";");
        String authserv = parts[0].trim().split(" ")[0];
        List<ReceiverResult> results = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            ReceiverResult one = resinfo(authserv, parts[i].trim());
            if (one != null) {
                results.add(one);
            }
        }
        return results;
    }

    private static ReceiverResult resinfo(String authserv, String text) {
        String[] words = text.split(" ");
        int equals = words[0].indexOf('=');
        if (equals <= 0) {
            return null; // "none" (no results) or garbage: nothing to report
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq > 0) {
                properties.put(words[i].substring(0, eq).toLowerCase(Locale.ROOT), words[i].substring(eq + 1));
            }
        }
        return new ReceiverResult(authserv, words[0].substring(0, equals).toLowerCase(Locale.ROOT),
                words[0].substring(equals + 1).toLowerCase(Locale.ROOT), properties);
    }

    /** RFC 5322 comments, nested, as in "dkim=pass (2048-bit key)". */
    private static String withoutComments(String text) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
