package dev.dkimagent.agent.testworld;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Type;

/**
 * unbound as the recursive resolver of a test world: iterator only (no DNSSEC), root hints
 * pointing at the world's fake root, allowed to query 127.0.0.0/8, remote control on a unix socket.
 */
public final class Unbound implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(10);

    private final String address;
    private final int port;
    private final Path dir;
    private ServerProcess process;

    private Unbound(String address, int port) {
        this.address = address;
        this.port = port;
        this.dir = TempFiles.createDirectory("unbound-" + address + "-");
    }

    /** Starts unbound on {@code address}:53 with {@code rootHints} as its root hints file text. */
    public static Unbound start(String address, String rootHints) {
        return start(address, 53, rootHints);
    }

    public static Unbound start(String address, int port, String rootHints) {
        Unbound unbound = new Unbound(address, port);
        try {
            unbound.writeAndValidate(rootHints);
            unbound.launch();
            return unbound;
        } catch (RuntimeException e) {
            unbound.close();
            throw e;
        }
    }

    /** Root hints text: {@code . NS rootServerName} and its A record. */
    public static String rootHints(String rootServerName, String rootServerAddress) {
        String server = ZoneText.Names.fqdn(rootServerName);
        return ".\t3600000\tIN\tNS\t" + server + "\n" + server + "\t3600000\tIN\tA\t" + rootServerAddress + "\n";
    }

    public String address() {
        return address;
    }

    public int port() {
        return port;
    }

    /** Forgets every cached answer and what it learnt about servers, so changed zones show at once. */
    public void flush() {
        control("flush_zone", ".");
        control("flush_infra", "all");
    }

    public String log() {
        return TempFiles.readOrExplain(dir.resolve("unbound.log"));
    }

    @Override
    public void close() {
        try {
            if (process != null) {
                process.stop();
                process = null;
            }
        } finally {
            TempFiles.deleteRecursively(dir);
        }
    }

    @Override
    public String toString() {
        return "unbound on " + address + ":" + port;
    }

    private void control(String... args) {
        String[] command = new String[args.length + 2];
        command[0] = "-c";
        command[1] = conf().toString();
        System.arraycopy(args, 0, command, 2, args.length);
        Command.run("unbound-control", command).orThrow("unbound-control " + String.join(" ", args));
    }

    private Path conf() {
        return dir.resolve("unbound.conf");
    }

    private void writeAndValidate(String rootHints) {
        TempFiles.write(dir.resolve("root.hints"), rootHints);
        TempFiles.write(conf(), config());
        Command.run("unbound-checkconf", conf().toString()).orThrow("unbound-checkconf of " + this);
    }

    private void launch() {
        List<String> command = List.of(Binaries.require("unbound"), "-d", "-c", conf().toString());
        process = ServerProcess.start(toString(), command, dir, dir.resolve("unbound.out"));
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw startFailure("unbound exited");
            }
            // any reply means it listens; "localhost." is answered locally, without recursion
            if (DnsPing.ask(address, port, "localhost.", Type.A, true).isPresent()) {
                return;
            }
            Pause.briefly();
        }
        throw startFailure("no reply within " + START_LIMIT.toSeconds() + " s");
    }

    private IllegalStateException startFailure(String reason) {
        String output = process.output();
        process.stop();
        process = null;
        return new IllegalStateException("unbound (" + Binaries.require("unbound") + ") on " + address + ":" + port
                + " did not start: " + reason + ".\n--- unbound.log ---\n" + log()
                + "\n--- stdout/stderr ---\n" + output
                + "\nIf unbound is missing or broken: " + Binaries.INSTALL_HINT);
    }

    private String config() {
        return "server:\n"
                + "  interface: " + address + "\n"
                + "  port: " + port + "\n"
                + "  do-ip6: no\n"
                + "  access-control: 127.0.0.0/8 allow\n"
                + "  do-not-query-localhost: no\n" // the world lives on 127.0.0.x
                + "  root-hints: \"" + dir.resolve("root.hints") + "\"\n"
                + "  module-config: \"iterator\"\n" // no DNSSEC validation, no trust anchor
                + "  local-zone: \"test.\" nodefault\n" // RFC 6761 would otherwise answer test. locally
                + "  username: \"\"\n"
                + "  chroot: \"\"\n"
                + "  directory: \"" + dir + "\"\n"
                + "  pidfile: \"" + dir.resolve("unbound.pid") + "\"\n"
                + "  use-syslog: no\n"
                + "  logfile: \"" + dir.resolve("unbound.log") + "\"\n"
                + "  verbosity: 1\n"
                + "  num-threads: 1\n"
                + "remote-control:\n"
                + "  control-enable: yes\n"
                + "  control-interface: \"" + dir.resolve("unbound.ctl") + "\"\n"
                + "  control-use-cert: no\n";
    }
}
