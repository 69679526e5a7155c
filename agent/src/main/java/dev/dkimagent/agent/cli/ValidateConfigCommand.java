package dev.dkimagent.agent.cli;

import dev.dkimagent.agent.config.Settings;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dkim-agent validate-config}: reads the configuration and reports every problem. */
@Command(name = "validate-config", mixinStandardHelpOptions = true,
        description = "Reads the configuration, reports every problem with file, line and key, and whether it "
                + "gives anything to check (as check would); exit 0 or 2.")
public final class ValidateConfigCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<Settings> loaded = config.loadOrReport(spec.commandLine().getErr());
        if (loaded.isEmpty()) {
            return ExitCode.USAGE;
        }
        Settings settings = loaded.get();
        Optional<String> nothing = Checkable.nothingToCheck(settings);
        if (nothing.isPresent()) {
            spec.commandLine().getErr().println("dkim-agent validate-config: " + nothing.get());
            return ExitCode.USAGE;
        }
        spec.commandLine().getOut().printf("%s: OK (%s, %s%s)%n", settings.source(),
                Checkable.count(settings.identities().size(), "identity", "identities"),
                Checkable.count(settings.zoneNameservers().size(), "zone override", "zone overrides"),
                settings.ses().enabled() ? ", SES enabled" : "");
        return ExitCode.OK;
    }
}
