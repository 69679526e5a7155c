package dev.dkimagent.agent.cli;

import dev.dkimagent.agent.config.ConfigException;
import dev.dkimagent.agent.config.ConfigLocator;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.config.SettingsLoader;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.catalogue.Catalogue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/** {@code --config FILE}, shared by every command, and the one way commands load settings. */
public final class ConfigOption {
    private final Map<String, String> env;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (HOCON). Default: $DKIM_AGENT_CONFIG, else ./dkim-agent.conf, "
                    + "else /etc/dkim-agent/dkim-agent.conf.")
    Path file;

    public ConfigOption(Map<String, String> env) {
        this.env = env;
    }

    /**
     * Finds and reads the configuration; on problems prints all of them to {@code err} and
     * returns empty (the command then exits 2).
     */
    public Optional<Settings> loadOrReport(PrintWriter err) {
        try {
            return Optional.of(load());
        } catch (ConfigException e) {
            ConfigErrors.print(err, e);
            return Optional.empty();
        }
    }

    /** Finds and reads the configuration; every problem is in the exception. */
    public Settings load() throws ConfigException {
        Path path = ConfigLocator.locate(file, env, Path.of("").toAbsolutePath());
        return SettingsLoader.load(path, knownCodes());
    }

    /** Every "RULE.TAG" the catalogue declares: the keys {@code rules.levels} may use. */
    public static Set<String> knownCodes() {
        Set<String> codes = new TreeSet<>();
        Catalogue.all().forEach(rule -> {
            for (Tag tag : rule.tags()) {
                codes.add(rule.id() + "." + tag.name());
            }
        });
        return codes;
    }
}
