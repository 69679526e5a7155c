package dev.dkimagent.agent.cli;

import dev.dkimagent.agent.Version;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dkim-agent}: the top-level command; everything happens in its subcommands. */
@Command(name = "dkim-agent",
        mixinStandardHelpOptions = true,
        versionProvider = DkimAgentCommand.VersionProvider.class,
        description = "Checks that every authoritative nameserver serves the DKIM records your mail depends on.",
        subcommands = {CheckCommand.class, RunCommand.class, ValidateConfigCommand.class, RulesCommand.class,
            VersionCommand.class, DemoCommand.class, VerifyMessageCommand.class})
public final class DkimAgentCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("dkim-agent: missing command: check, run, demo, verify-message, validate-config, rules or version");
        spec.commandLine().usage(err);
        return ExitCode.USAGE;
    }

    /** Runs the command line and returns the process exit code. */
    public static int execute(String[] args, Map<String, String> env) {
        return execute(args, env, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** As {@link #execute(String[], Map)}, writing to the given streams (tests, embedding). */
    public static int execute(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new DkimAgentCommand(), new Factory(env));
        cli.setOut(out);
        cli.setErr(err);
        // An exception escaping a command is a bug or an environment failure, not a finding.
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? ExitCode.USAGE : ExitCode.CANNOT_RUN);
        cli.setParameterExceptionHandler(DkimAgentCommand::oneLine);
        return cli.execute(args); // picocli's exit code for usage errors is 2, which is also ours

    }

    /**
     * A bad option or value: one line saying what is wrong and what is allowed, and where the help
     * is; not the whole usage text, which buries the one line that matters.
     */
    private static int oneLine(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        command.getErr().println(name + ": " + e.getMessage() + " (see " + name + " --help)");
        command.getErr().flush();
        return ExitCode.USAGE;
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
