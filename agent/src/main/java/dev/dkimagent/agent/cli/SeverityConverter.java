package dev.dkimagent.agent.cli;

import dev.dkimagent.rules.Severity;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses critical|error|warning|info for options. */
final class SeverityConverter implements ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
        try {
            return Severity.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("expected critical, error, warning or info, got '" + value + "'");
        }
    }
}
