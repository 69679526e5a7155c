package dev.dkimagent.agent.cli;

import dev.dkimagent.rules.Levels;
import dev.dkimagent.rules.Rule;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.catalogue.Catalogue;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dkim-agent rules}: the rule catalogue, one line per tag. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Lists the rule catalogue: each rule's id and what it checks, then a line per tag "
                + "with its severity. With --config, severities are the configured ones (re-levelled ones "
                + "marked *). Details: docs/rules/<ID>.md.")
public final class RulesCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<Levels> levels = config.file == null
                ? Optional.of(Levels.defaults())
                : config.loadOrReport(spec.commandLine().getErr()).map(s -> new Levels(s.levels()));
        if (levels.isEmpty()) {
            return ExitCode.USAGE;
        }
        print(levels.get());
        return ExitCode.OK;
    }

    private void print(Levels levels) {
        PrintWriter out = spec.commandLine().getOut();
        for (Rule rule : Catalogue.all()) {
            out.printf("%-6s  %s%n", rule.id(), rule.summary());
            for (Tag tag : rule.tags()) {
                String severity = levels.of(rule, tag.name()).label();
                boolean relevelled = !severity.equals(tag.defaultSeverity().label());
                out.printf("        %-26s  %s%n", tag.name(), severity + (relevelled ? "*" : ""));
            }
        }
    }
}
