package dev.dkimagent.agent.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValueType;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.model.Identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a HOCON file over reference.conf into {@link Settings}, eagerly, collecting every problem
 * before it throws. Each section has its own small reader; a new section is a new reader, a block
 * in reference.conf and one line here.
 */
public final class SettingsLoader {
    static final String ROOT = "dkim-agent";

    private SettingsLoader() {
    }

    /**
     * Reads file (HOCON) over reference.conf, env substitution resolved; collects ALL problems;
     * knownCodes = valid "RULE.TAG" set for levels. Bounded ({@link ConfigLimits}): whatever the
     * file holds, the outcome is settings or a {@link ConfigException}.
     */
    public static Settings load(Path file, Set<String> knownCodes) throws ConfigException {
        requireReadable(file);
        return StackGuard.run(file.getFileName().toString(), () -> {
            ConfigFiles files = new ConfigFiles(file.getFileName().toString());
            Config parsed = parse(file, files);
            return read(parsed, file.toString(), knownCodes, files);
        });
    }

    /** As {@link #load(Path, Set)} for a config already parsed (the file's own, not ConfigFactory.load()). */
    public static Settings load(Config config, String sourceName, Set<String> knownCodes) throws ConfigException {
        return StackGuard.run(sourceName, () -> read(config, sourceName, knownCodes, new ConfigFiles(sourceName)));
    }

    private static Config parse(Path file, ConfigFiles files) throws ConfigException {
        try {
            files.admitTop(file);
            return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false)
                    .setIncluder(new BoundedIncluder(files)));
        } catch (ConfigFiles.Refused e) {
            throw new ConfigException(e.file + (e.line < 0 ? "" : ": " + e.line) + ": " + e.getMessage());
        } catch (com.typesafe.config.ConfigException e) {
            throw LibraryProblem.of(e, files);
        } catch (java.io.UncheckedIOException e) {
            throw new ConfigException(file.getFileName() + ": cannot be read: " + e.getCause().getMessage());
        }
    }

    private static Settings read(Config config, String sourceName, Set<String> knownCodes,
                                 ConfigFiles files) throws ConfigException {
        rejectExcessiveGrowth(config);
        Config reference = reference();
        Config merged = resolve(config.withFallback(reference), files);
        Problems problems = new Problems();
        rejectUnknownRoots(config, problems);
        Node root = Node.root(ROOT, merged.root().get(ROOT), written(config), problems);
        if (!root.requireObject("an object with the dkim-agent settings")) {
            problems.throwIfAny();
        }
        KnownKeys.check(root, reference.getObject(ROOT).keySet());
        DnsSettings dns = DnsReader.read(root.child("dns"), reference);
        DomainPlaces domains = new DomainPlaces();
        List<Identity> identities = new ArrayList<>(IdentitiesReader.read(root.child("identities"), domains));
        IdentityFiles.read(root.child("identity-files"), domains, problems, identities);
        Map<String, List<String>> zones = ZonesReader.read(root.child("zones"));
        Node rules = root.child("rules");
        RuleSettings ruleSettings = RulesReader.read(rules, reference);
        Map<String, Severity> levels = rules.type() == ConfigValueType.OBJECT
                ? LevelsReader.read(rules.child("levels"), knownCodes)
                : Map.of();
        SesSettings ses = SesReader.read(root.child("ses"), reference);
        ScheduleSettings schedule = ScheduleReader.read(root.child("schedule"), reference);
        AlertingSettings alerting = AlertingReader.read(root.child("alerting"), reference);
        StateSettings state = StateReader.read(root.child("state"), reference);
        HttpSettings http = HttpReader.read(root.child("http"), reference);
        CanarySettings canary = CanaryReader.read(root.child("canary"), reference);
        NotifySettings watch = NotifyReader.read(root, reference);
        ClusterSettings cluster = ClusterReader.read(root.child("cluster"), reference, state);
        problems.throwIfAny();
        return new Settings(sourceName, dns, identities, zones, ruleSettings, levels, ses, schedule, alerting,
                state, http, canary, watch, cluster);
    }

    /** reference.conf as shipped: the defaults, and the list of known keys. Immutable, so read once. */
    static Config reference() {
        return Reference.CONFIG;
    }

    private static final class Reference {
        static final Config CONFIG = ConfigFactory.parseResources(SettingsLoader.class.getClassLoader(),
                "reference.conf").resolve();
    }

    private static void requireReadable(Path file) throws ConfigException {
        if (!Files.exists(file)) {
            throw new ConfigException("configuration file " + file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("configuration file " + file + " is not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new ConfigException("configuration file " + file + " is not readable (check its permissions)");
        }
    }

    /** Substitutions ({@code ${?ENV}}) resolve against the environment. */
    private static Config resolve(Config merged, ConfigFiles files) throws ConfigException {
        try {
            return merged.resolve();
        } catch (com.typesafe.config.ConfigException e) {
            throw LibraryProblem.of(e, files);
        }
    }

    /** Substitutions that would expand beyond the bounds are refused before the library expands them. */
    private static void rejectExcessiveGrowth(Config config) throws ConfigException {
        if (config.isResolved()) {
            return;
        }
        var excess = SubstitutionGrowth.check(config.root());
        if (excess.isPresent()) {
            Problems problems = new Problems();
            problems.add(excess.get().origin(), excess.get().path(), excess.get().what());
            problems.throwIfAny();
        }
    }

    /** The dkim-agent object as written, substitutions unresolved: where an environment value is set. */
    private static com.typesafe.config.ConfigValue written(Config config) {
        try {
            return config.root().get(ROOT);
        } catch (com.typesafe.config.ConfigException.NotResolved e) {
            return null;
        }
    }

    /** A key next to dkim-agent (say {@code dkim_agent}) would be silently ignored: reject it. */
    private static void rejectUnknownRoots(Config config, Problems problems) {
        for (String key : config.root().keySet()) {
            if (!key.equals(ROOT)) {
                problems.add(config.root().get(key).origin(), ConfigUtil.joinPath(key),
                        KnownKeys.unknownKey(key, List.of(ROOT)));
            }
        }
    }

}
