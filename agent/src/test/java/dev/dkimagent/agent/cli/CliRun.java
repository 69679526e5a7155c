package dev.dkimagent.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Runs the CLI in-process and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DkimAgentCommand.execute(args, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Writes a configuration file into {@code dir} and returns its path. */
    static Path config(Path dir, String hocon) {
        try {
            return Files.writeString(dir.resolve("dkim-agent.conf"), hocon);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
