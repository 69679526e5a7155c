package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Builds findings so every arg is named and non-null (a null would render as a raw placeholder). */
public final class FindingBuilder {
    private final Tag tag;
    private final Subject subject;
    private final Map<String, String> args = new LinkedHashMap<>();

    private FindingBuilder(Tag tag, Subject subject) {
        this.tag = tag;
        this.subject = subject;
    }

    public static FindingBuilder of(Tag tag, Subject subject) {
        return new FindingBuilder(tag, subject);
    }

    public FindingBuilder arg(String name, Object value) {
        args.put(name, String.valueOf(Objects.requireNonNull(value, () -> tag.code() + " arg " + name)));
        return this;
    }

    public FindingBuilder dig(String command) {
        return arg("dig", command);
    }

    /** A command that shows the problem when no DNS query does (e.g. an AWS CLI call for MON01). */
    public FindingBuilder check(String command) {
        return arg("check", command);
    }

    public Finding build() {
        if (!args.containsKey("dig") && !args.containsKey("check")) {
            throw new IllegalStateException(tag.code() + " built without a dig or check command");
        }
        return new Finding(tag, subject, args);
    }
}
