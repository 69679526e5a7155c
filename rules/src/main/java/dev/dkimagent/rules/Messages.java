package dev.dkimagent.rules;

import dev.dkimagent.rules.model.Nameserver;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message and remediation templates per "RULE.TAG", from {@code messages.properties} on the
 * class path. Placeholders are {@code {name}}: the subject's fields (identity, zone, selector,
 * nameserver, address, source), {@code server} (nameserver and address together, the address
 * once when they are the same) and the finding's args. A placeholder without a value stays visible, so
 * a template bug shows instead of hiding.
 *
 * <p>A finding about a record carries its provider ({@value #PROVIDER_ARG} arg: easy-dkim, byodkim,
 * other-cname, txt-key); its remediation is {@code RULE.TAG.remediation.<provider>} when the catalogue
 * has one, so a fix says what that provider's user can do. Remediations do not repeat the finding's
 * {@code dig} command: reports and alerts show it on its own line.
 */
public final class Messages {
    /** The finding arg that selects a provider's remediation. */
    public static final String PROVIDER_ARG = "provider";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z0-9_]+)}");
    private static final String REMEDIATION = ".remediation";
    private final Properties templates;

    private Messages(Properties templates) {
        this.templates = templates;
    }

    public static Messages load() {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("messages.properties")) {
            if (in == null) {
                throw new IllegalStateException("messages.properties is missing from the rules jar");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Messages(p);
    }

    public boolean has(String code) {
        return templates.containsKey(code + ".message") && templates.containsKey(code + ".remediation");
    }

    /** Every "RULE.TAG" the catalogue file has a message for. */
    public java.util.Set<String> codes() {
        java.util.Set<String> codes = new java.util.TreeSet<>();
        for (String key : templates.stringPropertyNames()) {
            if (key.endsWith(".message")) {
                codes.add(key.substring(0, key.length() - ".message".length()));
            }
        }
        return codes;
    }

    public String message(Finding f) {
        return render(template(f.code() + ".message"), values(f));
    }

    public String remediation(Finding f) {
        String provider = f.args().get(PROVIDER_ARG);
        String variant = provider == null ? null : templates.getProperty(f.code() + REMEDIATION + "." + provider);
        return render(variant != null ? variant : template(f.code() + REMEDIATION), values(f));
    }

    private String template(String key) {
        String t = templates.getProperty(key);
        if (t == null) {
            throw new IllegalStateException("no template " + key + " in messages.properties");
        }
        return t;
    }

    private static Map<String, String> values(Finding f) {
        Map<String, String> v = new HashMap<>();
        Subject s = f.subject();
        putIfSet(v, "identity", s.identity());
        putIfSet(v, "zone", s.zone());
        putIfSet(v, "selector", s.selector());
        putIfSet(v, "nameserver", s.nameserver());
        putIfSet(v, "address", s.address());
        putIfSet(v, "source", s.source());
        if (s.address() != null) {
            // "ns3.example.com (192.0.2.3)", or just the address when the server was configured by address
            v.put("server", new Nameserver(s.nameserver() == null ? s.address() : s.nameserver(), s.address()).display());
        }
        v.putAll(f.args());
        // Values come from DNS and SES; templates put commands in `code spans`: a backquote in data must not end one.
        v.replaceAll((key, value) -> value.replace('`', '\''));
        return v;
    }

    private static void putIfSet(Map<String, String> v, String k, String value) {
        if (value != null) {
            v.put(k, value);
        }
    }

    static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
