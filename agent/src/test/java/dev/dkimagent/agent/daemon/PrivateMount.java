package dev.dkimagent.agent.daemon;

import static org.awaitility.Awaitility.await;

import dev.dkimagent.agent.testworld.Binaries;
import dev.dkimagent.agent.testworld.Command;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A small filesystem over the agent's state directory, in a mount namespace of the agent's own
 * ({@code unshare -m}); the faults go into that namespace with {@code nsenter}, and nothing of it
 * is seen outside. Needs root (or CAP_SYS_ADMIN) and loop devices: without them the test fails,
 * it does not skip.
 *
 * <ul>
 *   <li>{@link #tmpfs}: a tmpfs of a fixed size that {@link #fill()} keeps full (a loop appends
 *       to a file, so space H2 gives back is taken again) until {@link #free()};</li>
 *   <li>{@link #ext4}: an ext4 image mounted with errors=remount-ro; {@link #failReadOnly()} makes
 *       the kernel remount it read-only as after an I/O error (ext4's trigger_fs_error), and
 *       {@link #fsckAndRemount()} does what an operator does: unmount (once the agent has let go
 *       of its files), e2fsck, mount again.</li>
 * </ul>
 */
final class PrivateMount implements AutoCloseable {
    private static final String FILLER = "filler";
    private static final Duration UNMOUNT_LIMIT = Duration.ofSeconds(90);

    private final Path dir;
    private final String mountCommand;
    private final Path image;
    private long pid = -1;
    private Process filler;

    private PrivateMount(Path dir, String mountCommand, Path image) {
        this.dir = dir;
        this.mountCommand = mountCommand;
        this.image = image;
    }

    static PrivateMount tmpfs(Path dir, int sizeKib) {
        return new PrivateMount(dir, "mount -t tmpfs -o size=" + sizeKib + "k dkim-state \"$0\"", null);
    }

    static PrivateMount ext4(Path dir, Path image, int sizeMib) {
        createDirectory(image.getParent());
        Command.run("truncate", "-s", sizeMib + "M", image.toString()).orThrow("creating the ext4 image");
        Command.run("mkfs.ext4", "-q", "-F", image.toString()).orThrow("formatting the ext4 image");
        return new PrivateMount(dir, "mount -o loop,errors=remount-ro " + image + " \"$0\"", image);
    }

    /** The command before java: a new mount namespace with the filesystem on the state directory, then exec java. */
    List<String> wrapper() {
        createDirectory(dir);
        return List.of(Binaries.require("unshare"), "-m", "--propagation", "private", Binaries.require("sh"),
                "-c", mountCommand + " || exit 97; exec \"$@\"", dir.toString());
    }

    /** The agent whose namespace the faults go to (java replaced sh, so its PID is the namespace's). */
    void of(AgentProcess agent) {
        this.pid = agent.pid();
    }

    /** Fills the filesystem and keeps it full until {@link #free()}. */
    void fill() {
        String keepFull = "while :; do dd if=/dev/zero of=\"$0\" bs=4k oflag=append conv=notrunc 2>/dev/null; "
                + "sleep 0.05; done";
        List<String> command = new ArrayList<>(nsenter());
        command.addAll(List.of(Binaries.require("sh"), "-c", keepFull, dir.resolve(FILLER).toString()));
        try {
            filler = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start filling " + dir, e);
        }
        await("the state filesystem full").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> availableKib() == 0);
    }

    private long availableKib() {
        String[] lines = inside("df", "-k", "--output=avail", dir.toString()).output().strip().split("\n");
        return Long.parseLong(lines[lines.length - 1].strip());
    }

    /** Stops filling and deletes the filler. */
    void free() {
        stopFiller();
        inside("rm", "-f", dir.resolve(FILLER).toString()).orThrow("freeing the state filesystem");
    }

    /** The kernel remounts the ext4 read-only, as after an I/O error (the agent's open files stay open). */
    void failReadOnly() {
        inside("sh", "-c", "echo dkim-agent-test > /sys/fs/ext4/$(basename $(findmnt -no SOURCE \"$0\"))/trigger_fs_error",
                dir.toString()).orThrow("triggering an ext4 error");
        String options = inside("findmnt", "-no", "OPTIONS", dir.toString()).output();
        if (!options.startsWith("ro") && !options.contains("emergency_ro")) {
            throw new IllegalStateException("the state filesystem is not read-only after the error: " + options);
        }
    }

    /** Unmounts (retrying while the agent still holds a file), checks the image with e2fsck, mounts it again. */
    void fsckAndRemount() {
        long deadline = System.nanoTime() + UNMOUNT_LIMIT.toNanos();
        Command.Result umount = inside("umount", dir.toString());
        while (!umount.succeeded() && System.nanoTime() < deadline) {
            umount = await().pollDelay(Duration.ofMillis(200)).until(() -> inside("umount", dir.toString()), r -> true);
        }
        umount.orThrow("unmounting the read-only state filesystem within " + UNMOUNT_LIMIT);
        Command.Result fsck = Command.run("e2fsck", "-fy", image.toString());
        if (fsck.exitCode() > 1) {
            throw new IllegalStateException("e2fsck could not repair the image (exit " + fsck.exitCode() + "): "
                    + fsck.output());
        }
        inside("sh", "-c", mountCommand, dir.toString()).orThrow("mounting the state filesystem again");
    }

    @Override
    public void close() {
        stopFiller();
    }

    private void stopFiller() {
        if (filler != null) {
            filler.destroyForcibly();
            filler = null;
        }
    }

    private Command.Result inside(String... command) {
        List<String> args = new ArrayList<>(nsenter().subList(1, nsenter().size()));
        args.addAll(List.of(command));
        return Command.run("nsenter", args.toArray(String[]::new));
    }

    private List<String> nsenter() {
        if (pid < 0) {
            throw new IllegalStateException("no agent given to PrivateMount.of");
        }
        return List.of(Binaries.require("nsenter"), "-t", Long.toString(pid), "-m", "--");
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
