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

    /** Reads file (HOCON) over reference.conf, env substitution resolved; collects ALL problems; knownCodes = valid "RULE.TAG" set for levels. */
    public static Settings load(Path file, Set<String> knownCodes) throws ConfigException {
        requireReadable(file);
        Config parsed;
        try {
            parsed = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (com.typesafe.config.ConfigException e) {
            throw libraryProblem(e);
        }
        return load(parsed, file.toString(), knownCodes);
    }

    /** As {@link #load(Path, Set)} for a config already parsed (the file's own, not ConfigFactory.load()). */
    public static Settings load(Config config, String sourceName, Set<String> knownCodes) throws ConfigException {
        Config reference = reference();
        Config merged = resolve(config.withFallback(reference));
        Problems problems = new Problems();
        rejectUnknownRoots(config, problems);
        Node root = Node.root(ROOT, merged.root().get(ROOT), problems);
        if (!root.requireObject("an object with the dkim-agent settings")) {
            problems.throwIfAny();
        }
        KnownKeys.check(root, reference.getObject(ROOT).keySet());
        DnsSettings dns = DnsReader.read(root.child("dns"), reference);
        List<Identity> identities = IdentitiesReader.read(root.child("identities"));
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
        NotifySettings watch = NotifyReader.read(root, reference);
        problems.throwIfAny();
        return new Settings(sourceName, dns, identities, zones, ruleSettings, levels, ses, schedule, alerting,
                state, http, watch);
    }

    /** reference.conf as shipped: the defaults, and the list of known keys. */
    static Config reference() {
        return ConfigFactory.parseResources(SettingsLoader.class.getClassLoader(), "reference.conf").resolve();
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
    private static Config resolve(Config merged) throws ConfigException {
        try {
            return merged.resolve();
        } catch (com.typesafe.config.ConfigException e) {
            throw libraryProblem(e);
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

    /** The library's message (syntax error, unresolved substitution) with a short file name. */
    private static ConfigException libraryProblem(com.typesafe.config.ConfigException e) {
        ConfigOrigin origin = e.origin();
        String message = e.getMessage();
        if (origin != null && message.startsWith(origin.description() + ": ")) {
            message = message.substring(origin.description().length() + 2);
        }
        if (message.contains("include keyword")) {
            // HOCON reserves `include`: the ses.include key must be quoted.
            message += " (to set the key named include, quote it: \"include\" = [\"*\"])";
        }
        Problems problems = new Problems();
        problems.addAt(origin, message);
        return new ConfigException(problems.all());
    }
}
