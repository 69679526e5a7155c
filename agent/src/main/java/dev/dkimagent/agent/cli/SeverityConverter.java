package dev.dkimagent.agent.cli;

import dev.dkimagent.rules.Severity;
import picocli.CommandLine.ITypeConverter;

/** Parses critical|error|warning|info for options. */
final class SeverityConverter implements ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
        return Severity.parse(value);
    }
}
