package dev.dkimagent.agent.cli;

import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.mail.InvalidMessageException;
import dev.dkimagent.agent.mail.KeyFetcher;
import dev.dkimagent.agent.mail.MailMessage;
import dev.dkimagent.agent.mail.MessageVerification;
import dev.dkimagent.agent.mail.MessageVerifier;
import dev.dkimagent.agent.mail.VerificationJson;
import dev.dkimagent.agent.mail.VerificationText;
import dev.dkimagent.agent.wiring.DnsRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dkim-agent verify-message FILE|-}: every DKIM-Signature of one message verified, with
 * the key as each authoritative nameserver of d= serves it; the exit code says how it went.
 */
@Command(name = "verify-message", mixinStandardHelpOptions = true,
        description = "Verifies every DKIM-Signature of one RFC 5322 message (a .eml file, or - for stdin)"
                + " against the key as each authoritative nameserver of d= serves it.%n"
                + "Exit: 0 every signature passes on every nameserver, 1 unsigned or a signature fails,"
                + " 2 usage, configuration or unreadable message, 3 the keys could not be looked up.")
public final class VerifyMessageCommand implements Callable<Integer> {

    enum Format { text, json }

    @Mixin
    ConfigOption config;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "The message: a file, or - to read standard input.")
    String input;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Optional<Settings> loaded = config.loadOrReport(spec.commandLine().getErr());
        if (loaded.isEmpty()) {
            return ExitCode.USAGE;
        }
        MailMessage message;
        try (InputStream in = open()) {
            message = MailMessage.read(in);
        } catch (IOException e) {
            return fail("cannot read " + describe() + ": " + e.getMessage(), ExitCode.USAGE);
        } catch (InvalidMessageException e) {
            return fail(describe() + " is not a message: " + e.getMessage(), ExitCode.USAGE);
        }
        MessageVerification verification;
        try (DnsRuntime dns = new DnsRuntime(loaded.get(), event -> { })) {
            KeyFetcher keys = new KeyFetcher(dns.locator(), dns.discovery(), dns.client(), loaded.get().zoneNameservers());
            verification = new MessageVerifier(keys, Clock.systemUTC()).verify(message).get();
        } catch (ExecutionException e) {
            return fail("verification failed unexpectedly: " + e.getCause(), ExitCode.CANNOT_RUN);
        }
        print(verification);
        if (verification.cannotRun()) {
            return fail("no resolver answered the key look-ups; set dkim-agent.dns.resolvers to reachable"
                    + " recursive resolvers", ExitCode.CANNOT_RUN);
        }
        return verification.allPass() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private InputStream open() throws IOException {
        return input.equals("-") ? System.in : Files.newInputStream(Path.of(input));
    }

    private String describe() {
        return input.equals("-") ? "standard input" : input;
    }

    private void print(MessageVerification verification) {
        if (format == Format.json) {
            new VerificationJson(spec.commandLine().getOut()).print(verification);
        } else {
            new VerificationText(spec.commandLine().getOut()).print(verification);
        }
    }

    private int fail(String why, int code) {
        spec.commandLine().getErr().println("dkim-agent verify-message: " + why);
        spec.commandLine().getErr().flush();
        return code;
    }
}
