package dev.dkimagent.agent.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Finds the configuration file: --config, else $DKIM_AGENT_CONFIG, else ./dkim-agent.conf, else /etc. */
public final class ConfigLocator {
    public static final String ENV_VAR = "DKIM_AGENT_CONFIG";
    public static final String FILE_NAME = "dkim-agent.conf";
    public static final Path SYSTEM_FILE = Path.of("/etc/dkim-agent/dkim-agent.conf");

    private ConfigLocator() {
    }

    /** --config if given, else $DKIM_AGENT_CONFIG, else ./dkim-agent.conf, else /etc/dkim-agent/dkim-agent.conf; explains what it tried when none exists. */
    public static Path locate(Path explicit, Map<String, String> env, Path workingDir) throws ConfigException {
        return locate(explicit, env, workingDir, SYSTEM_FILE);
    }

    /** As above with the system-wide file given, so tests need not touch /etc. */
    static Path locate(Path explicit, Map<String, String> env, Path workingDir, Path systemFile)
            throws ConfigException {
        if (explicit != null) {
            // an explicit choice never falls back: running on a different file would hide the mistake
            return existing(workingDir.resolve(explicit), "given with --config");
        }
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return existing(workingDir.resolve(fromEnv.trim()), "from $" + ENV_VAR);
        }
        Path local = workingDir.resolve(FILE_NAME);
        if (Files.isRegularFile(local)) {
            return local;
        }
        if (Files.isRegularFile(systemFile)) {
            return systemFile;
        }
        throw new ConfigException("no configuration file found: tried " + local + " (working directory) and "
                + systemFile + "; pass --config FILE or set $" + ENV_VAR);
    }

    private static Path existing(Path file, String how) throws ConfigException {
        if (Files.isRegularFile(file)) {
            return file;
        }
        String why = Files.exists(file) ? "is not a regular file" : "does not exist";
        throw new ConfigException("configuration file " + file + " (" + how + ") " + why);
    }
}
