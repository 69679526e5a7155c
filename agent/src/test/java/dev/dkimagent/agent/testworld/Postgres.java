package dev.dkimagent.agent.testworld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster in its own temp directory, listening on 127.0.0.1 and a free
 * port (its socket in that directory too), user {@value #USER} with trust authentication.
 * Debian keeps initdb and pg_ctl in /usr/lib/postgresql/&lt;version&gt;/bin, off PATH; they are
 * looked up there too. The server refuses to run as root, so as root they run as the
 * {@code postgres} user (the package creates it) via runuser. Closing stops the server with
 * {@code pg_ctl stop -m immediate} and deletes the directory. A failure to start throws with the
 * server's log and an install hint; never skips. Start one per test class (~1 s) and take a
 * {@link #newDatabase()} per test.
 */
public final class Postgres implements AutoCloseable {
    public static final String USER = "dkim";
    public static final String INSTALL_HINT = "PostgreSQL's initdb/pg_ctl are needed: " + Binaries.INSTALL_HINT
            + " (Debian package postgresql)";

    private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");
    private static final String SERVICE_USER = "postgres";
    private static final long TOOL_LIMIT_SECONDS = 60;

    private final Path dir;
    private final Path binDir;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();
    private boolean running;

    private Postgres(Path dir, Path binDir, int port) {
        this.dir = dir;
        this.binDir = binDir;
        this.port = port;
    }

    /** Creates and starts a fresh cluster; returns once it accepts connections. */
    public static Postgres start() {
        Path binDir = binDir();
        Postgres pg = new Postgres(TempFiles.createDirectory("postgres-"), binDir, Ports.freeLoopback());
        try {
            pg.handDirectoryToServiceUser();
            pg.initdb();
            pg.pgCtlStart();
            return pg;
        } catch (RuntimeException e) {
            try {
                pg.close();
            } catch (RuntimeException stopFailed) {
                e.addSuppressed(stopFailed);
            }
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of {@code database} on this cluster. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a new empty database (t1, t2, ...) and returns its JDBC URL. */
    public String newDatabase() {
        String name = "t" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, "");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + this + ": " + e.getMessage()
                    + "\n--- postgres.log ---\n" + log(), e);
        }
        return url(name);
    }

    /** The server log (for error messages and debugging). */
    public String log() {
        return TempFiles.readOrExplain(dir.resolve("postgres.log"));
    }

    /** Stops the server (fast shutdown: sessions are ended), keeping its data and port for {@link #startAgain()}. */
    public void stop() {
        running = false;
        run("pg_ctl stop", asServiceUser(tool("pg_ctl"), "-D", data(), "-m", "fast", "-w", "stop"));
    }

    /** Starts a stopped server again on the same data and port; returns once it accepts connections. */
    public void startAgain() {
        pgCtlStart();
    }

    @Override
    public void close() {
        try {
            if (running) {
                running = false;
                run("pg_ctl stop", asServiceUser(tool("pg_ctl"), "-D", data(), "-m", "immediate", "-w", "stop"));
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    @Override
    public String toString() {
        return "postgres (" + binDir + ") on 127.0.0.1:" + port + " in " + dir;
    }

    private void initdb() {
        run("initdb", asServiceUser(tool("initdb"), "-D", data(), "-U", USER, "--auth=trust",
                "-E", "UTF8", "--locale=C", "--no-sync"));
    }

    private void pgCtlStart() {
        // fsync off: a test cluster's data is worth nothing after the run.
        String serverOptions = "-k " + dir + " -c listen_addresses=127.0.0.1 -p " + port + " -c fsync=off";
        Result result = exec(asServiceUser(tool("pg_ctl"), "-D", data(), "-o", serverOptions,
                "-l", dir.resolve("postgres.log").toString(), "-w", "-t", "30", "start"));
        running = true;  // even a failed start may leave a postmaster behind; close() stops it
        if (result.exitCode() != 0) {
            throw new IllegalStateException("postgres did not start: " + this + " (pg_ctl exit " + result.exitCode()
                    + "): " + result.output().strip() + "\n--- postgres.log ---\n" + log() + "\n" + INSTALL_HINT);
        }
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private String tool(String name) {
        return binDir.resolve(name).toString();
    }

    // ---- running the tools, as the postgres user when we are root ----

    private record Result(int exitCode, String output) {
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static List<String> asServiceUser(String... command) {
        List<String> out = new ArrayList<>();
        if (isRoot()) {
            out.addAll(List.of(Binaries.require("runuser"), "-u", SERVICE_USER, "--"));
        }
        out.addAll(List.of(command));
        return out;
    }

    private void handDirectoryToServiceUser() {
        if (!isRoot()) {
            return;
        }
        try {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, users.lookupPrincipalByName(SERVICE_USER));
        } catch (IOException e) {
            throw new IllegalStateException("running as root, but cannot hand " + dir + " to the '" + SERVICE_USER
                    + "' user (the server refuses to run as root): " + e + "; " + INSTALL_HINT, e);
        }
    }

    private void run(String what, List<String> command) {
        Result result = exec(command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(what + " failed for " + this + " (exit " + result.exitCode() + "): "
                    + String.join(" ", command) + "\n" + result.output().strip() + "\n" + INSTALL_HINT);
        }
    }

    private Result exec(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TOOL_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command) + "\n" + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command + ": " + INSTALL_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    // ---- finding things ----

    /** The directory holding initdb and pg_ctl: initdb's on PATH (links resolved), else Debian's newest. */
    private static Path binDir() {
        return onPath().or(Postgres::debianBinDir).orElseThrow(() -> new IllegalStateException(
                "initdb and pg_ctl not found on PATH or in " + DEBIAN_VERSIONS + "/<version>/bin: " + INSTALL_HINT));
    }

    private static Optional<Path> onPath() {
        try {
            Path bin = Path.of(Binaries.require("initdb")).toRealPath().getParent();
            return hasTools(bin) ? Optional.of(bin) : Optional.empty();
        } catch (IllegalStateException | IOException notThere) {
            return Optional.empty();
        }
    }

    private static boolean hasTools(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static Optional<Path> debianBinDir() {
        if (!Files.isDirectory(DEBIAN_VERSIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_VERSIONS)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(Postgres::hasTools)
                    .max(Comparator.comparing(Postgres::majorVersion));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }


    private static void deleteRecursively(Path dir) {
        try {
            TempFiles.deleteRecursively(dir);
        } catch (UncheckedIOException e) {
            // a socket or pid file vanished during the walk; nothing left worth keeping
        }
    }
}
