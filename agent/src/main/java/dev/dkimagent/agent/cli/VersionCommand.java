package dev.dkimagent.agent.cli;

import dev.dkimagent.agent.Version;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dkim-agent version}. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Prints the version.")
public final class VersionCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config; // accepted for uniformity; the version does not depend on it

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("dkim-agent " + Version.current());
        return ExitCode.OK;
    }
}
