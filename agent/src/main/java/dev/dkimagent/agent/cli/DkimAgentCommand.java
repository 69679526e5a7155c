package dev.dkimagent.agent.cli;

import dev.dkimagent.agent.Version;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dkim-agent}: the top-level command; everything happens in its subcommands. */
@Command(name = "dkim-agent",
        mixinStandardHelpOptions = true,
        versionProvider = DkimAgentCommand.VersionProvider.class,
        description = "Checks that every authoritative nameserver serves the DKIM records your mail depends on.",
        subcommands = {CheckCommand.class, ValidateConfigCommand.class, RulesCommand.class, VersionCommand.class})
public final class DkimAgentCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: check, validate-config, rules or version");
    }

    /** Runs the command line and returns the process exit code. */
    public static int execute(String[] args, Map<String, String> env) {
        CommandLine cli = new CommandLine(new DkimAgentCommand(), new Factory(env));
        cli.setExitCodeExceptionMapper(e -> ExitCode.CANNOT_RUN);
        // picocli's default for usage errors is 2, which is also ours.
        return cli.execute(args);
    }

    /** Hands the process environment to every command (tests pass their own). */
    static final class Factory implements CommandLine.IFactory {
        private final Map<String, String> env;

        Factory(Map<String, String> env) {
            this.env = Map.copyOf(env);
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == ConfigOption.class) {
                return type.cast(new ConfigOption(env));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dkim-agent " + Version.current()};
        }
    }
}
