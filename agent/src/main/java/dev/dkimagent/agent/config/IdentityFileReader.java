package dev.dkimagent.agent.config;

import dev.dkimagent.rules.model.Identity;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The lines of one identity file: {@code domain token [token [token]] [signing-hosted-zone=zone]},
 * fields separated by spaces or tabs, {@code #} to the end of a line a comment, blank lines
 * ignored. Each line becomes the same {@link Identity} as {@code { domain = ..., tokens = [...] }}
 * in HOCON, checked by the same code ({@link EasyDkim}); a problem is reported as
 * {@code file: line: what}. Streams: nothing of a line is kept but its identity.
 */
final class IdentityFileReader {
    /** Far above a real line (a 253-character domain, three 63-character tokens, a zone). */
    static final int MAX_LINE_CHARS = 1024;
    static final String ZONE_OPTION = "signing-hosted-zone=";

    private final String file;
    private final DomainPlaces domains;
    private final FileProblems problems;
    private final List<Identity> identities;
    /** The tokens of the line being read, cleared per line (one set per file, not one per line). */
    private final Set<String> seenTokens = new HashSet<>();
    /** The zone of the last line that named one: consecutive lines naming the same zone share its string. */
    private String lastZone = EasyDkim.DEFAULT_SIGNING_HOSTED_ZONE;
    private final int[] fieldStart = new int[MAX_LINE_CHARS / 2 + 1];
    private final int[] fieldEnd = new int[MAX_LINE_CHARS / 2 + 1];

    private IdentityFileReader(String file, DomainPlaces domains, FileProblems problems, List<Identity> identities) {
        this.file = file;
        this.domains = domains;
        this.problems = problems;
        this.identities = identities;
    }

    /**
     * Reads {@code reader} (the file shown as {@code file} in messages) to its end, adding its
     * identities to {@code identities}; each domain is noted in {@code domains}.
     */
    static void read(Reader reader, String file, DomainPlaces domains, Problems problems, List<Identity> identities)
            throws IOException {
        FileProblems found = new FileProblems(problems, file);
        IdentityFileReader lines = new IdentityFileReader(file, domains, found, identities);
        TextLines.read(reader, MAX_LINE_CHARS, lines::line);
        found.finish();
    }

    private void line(int number, char[] text, int length, boolean cut) {
        if (cut) {
            problems.at(number, "longer than " + MAX_LINE_CHARS + " characters before any '#'; a line is a domain,"
                    + " 1 to " + EasyDkim.MAX_TOKENS + " tokens and an optional " + ZONE_OPTION + "<zone>");
            return;
        }
        int fields = split(text, length);
        if (fields > 0) {
            identity(number, text, fields);
        }
    }

    /** Finds the fields (runs of characters other than space and tab); returns how many. */
    private int split(char[] text, int length) {
        int fields = 0;
        int i = 0;
        while (i < length) {
            while (i < length && isBlank(text[i])) {
                i++;
            }
            if (i == length) {
                break;
            }
            fieldStart[fields] = i;
            while (i < length && !isBlank(text[i])) {
                i++;
            }
            fieldEnd[fields++] = i;
        }
        return fields;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private void identity(int number, char[] text, int fields) {
        int problemsBefore = problems.count();
        Consumer<String> report = what -> problems.at(number, what);
        Optional<String> domain = EasyDkim.name(field(text, 0), report);
        domain.ifPresent(d -> domains.add(d, new DomainPlaces.FileLine(file, number)).ifPresent(report));
        String zone = zone(text, fields, report);
        String[] tokens = tokens(text, fields, report);
        if (domain.isPresent() && problems.count() == problemsBefore) {
            identities.add(new Identity(domain.get(), EasyDkim.SOURCE,
                    EasyDkim.records(domain.get(), zone, List.of(tokens))));
        }
    }

    /** The line's signing hosted zone, the default when no option gives one; reports bad options. */
    private String zone(char[] text, int fields, Consumer<String> report) {
        String zone = null;
        for (int f = 1; f < fields; f++) {
            if (isOption(text, f)) {
                zone = zoneOption(field(text, f), zone, report);
            }
        }
        if (zone == null) {
            return EasyDkim.DEFAULT_SIGNING_HOSTED_ZONE;
        }
        if (!zone.equals(lastZone)) {
            lastZone = zone;
        }
        return lastZone;
    }

    /** The token fields (the fields after the domain that are not options), at most three. */
    private String[] tokens(char[] text, int fields, Consumer<String> report) {
        seenTokens.clear();
        String[] tokens = new String[EasyDkim.MAX_TOKENS];
        int count = 0;
        int tokenFields = 0;
        for (int f = 1; f < fields; f++) {
            if (!isOption(text, f)) {
                tokenFields++;
                Optional<String> token = EasyDkim.token(field(text, f), seenTokens, report);
                if (token.isPresent() && count < tokens.length) {
                    tokens[count++] = token.get();
                }
            }
        }
        if (!EasyDkim.isTokenCount(tokenFields)) {
            report.accept("expected 1 to " + EasyDkim.MAX_TOKENS + " DKIM tokens after the domain, got " + tokenFields);
        }
        return count == tokens.length ? tokens : Arrays.copyOf(tokens, count);
    }

    /** A field with '=' is an option (a token is one DNS label, which never holds '='). */
    private boolean isOption(char[] text, int f) {
        for (int i = fieldStart[f]; i < fieldEnd[f]; i++) {
            if (text[i] == '=') {
                return true;
            }
        }
        return false;
    }

    /**
     * The zone a {@code signing-hosted-zone=} field names; {@code given} (null: not given before)
     * when the field is another option, repeated, or not a DNS name, after reporting it. A zone
     * that is not a DNS name counts as given, so a second one is still reported.
     */
    private static String zoneOption(String field, String given, Consumer<String> report) {
        if (!field.startsWith(ZONE_OPTION)) {
            report.accept("unknown option '" + Shown.value(field.substring(0, field.indexOf('='))) + "'; the one"
                    + " option is " + ZONE_OPTION + "<zone>");
            return given;
        }
        if (given != null) {
            report.accept(ZONE_OPTION + " is given twice; give it once");
            return given;
        }
        return EasyDkim.name(field.substring(ZONE_OPTION.length()), report)
                .orElse(EasyDkim.DEFAULT_SIGNING_HOSTED_ZONE);
    }

    private String field(char[] text, int f) {
        return new String(text, fieldStart[f], fieldEnd[f] - fieldStart[f]);
    }
}
