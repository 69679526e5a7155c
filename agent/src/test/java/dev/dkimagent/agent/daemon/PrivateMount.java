package dev.dkimagent.agent.daemon;

import dev.dkimagent.agent.testworld.Binaries;
import dev.dkimagent.agent.testworld.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small tmpfs over the agent's state directory, in a mount namespace of the agent's own
 * ({@code unshare -m}): the test fills it up, frees it, or remounts it read-only and back with
 * {@code nsenter} into that namespace, and nothing of it is seen outside. Needs root (or
 * CAP_SYS_ADMIN): without it the test fails, it does not skip.
 */
final class PrivateMount {
    private static final String FILLER = "filler";

    private final Path dir;
    private final int sizeKib;
    private long pid = -1;

    PrivateMount(Path dir, int sizeKib) {
        this.dir = dir;
        this.sizeKib = sizeKib;
    }

    /**
     * The command before java: a new mount namespace with the tmpfs on {@code dir}, then exec java
     * (the PID stays the agent's, so nsenter finds its namespace).
     */
    List<String> wrapper() {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String mount = "mount -t tmpfs -o size=" + sizeKib + "k dkim-state \"$0\" || exit 97; exec \"$@\"";
        return List.of(Binaries.require("unshare"), "-m", "--propagation", "private", Binaries.require("sh"),
                "-c", mount, dir.toString());
    }

    /** The agent whose namespace the faults go to. */
    void of(AgentProcess agent) {
        this.pid = agent.pid();
    }

    /** Writes a file until the filesystem is full (dd ends with "No space left on device"). */
    void fill() {
        Command.Result result = inside("sh", "-c", "dd if=/dev/zero of=\"$0\" bs=64k 2>&1; df -k \"$1\"",
                dir.resolve(FILLER).toString(), dir.toString());
        if (!result.output().contains("No space left on device")) {
            throw new IllegalStateException("the state filesystem did not fill up: " + result.output());
        }
    }

    void free() {
        inside("rm", "-f", dir.resolve(FILLER).toString()).orThrow("freeing the state filesystem");
    }

    void readOnly() {
        inside("mount", "-o", "remount,ro", dir.toString()).orThrow("remounting the state read-only");
    }

    void readWrite() {
        inside("mount", "-o", "remount,rw", dir.toString()).orThrow("remounting the state read-write");
    }

    private Command.Result inside(String... command) {
        if (pid < 0) {
            throw new IllegalStateException("no agent given to PrivateMount.of");
        }
        String[] args = new String[command.length + 4];
        args[0] = "-t";
        args[1] = Long.toString(pid);
        args[2] = "-m";
        args[3] = "--";
        System.arraycopy(command, 0, args, 4, command.length);
        return Command.run("nsenter", args);
    }
}
