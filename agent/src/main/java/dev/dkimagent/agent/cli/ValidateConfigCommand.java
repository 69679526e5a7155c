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
        description = "Reads the configuration, reports every problem with file, line and key; exit 0 or 2.")
public final class ValidateConfigCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<Settings> loaded = config.loadOrReport(spec.commandLine().getErr());
        loaded.ifPresent(settings -> spec.commandLine().getOut().printf("%s: OK (%d identities, %d zone overrides)%n",
                settings.source(), settings.identities().size(), settings.zoneNameservers().size()));
        return loaded.isPresent() ? ExitCode.OK : ExitCode.USAGE;
    }
}
