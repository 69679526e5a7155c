package dev.dkimagent.agent.cli;

import dev.dkimagent.agent.config.ConfigException;
import dev.dkimagent.agent.config.Settings;
import java.io.PrintWriter;
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
        PrintWriter out = spec.commandLine().getOut();
        try {
            Settings settings = config.load();
            out.printf("%s: OK (%d identities, %d zone overrides)%n",
                    settings.source(), settings.identities().size(), settings.zoneNameservers().size());
            return ExitCode.OK;
        } catch (ConfigException e) {
            ConfigErrors.print(spec.commandLine().getErr(), e);
            return ExitCode.USAGE;
        }
    }
}
