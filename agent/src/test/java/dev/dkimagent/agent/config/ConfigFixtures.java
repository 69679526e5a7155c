package dev.dkimagent.agent.config;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;

import java.util.List;
import java.util.Set;

/** Loads HOCON text as if it were the file dkim-agent.conf (line 1 = the text's first line). */
final class ConfigFixtures {
    static final String FILE = "dkim-agent.conf";
    static final Set<String> CODES = Set.of("DKIM01.RECORD_MISSING", "DKIM01.WRONG_TARGET",
            "SOA01.MULTIPLE_SOA_SERIALS");

    private ConfigFixtures() {
    }

    static Settings load(String hocon) throws ConfigException {
        return SettingsLoader.load(ConfigFactory.parseString(hocon,
                ConfigParseOptions.defaults().setOriginDescription(FILE)), FILE, CODES);
    }

    /** The problems a configuration is rejected with; fails when it loads. */
    static List<String> problems(String hocon) {
        try {
            load(hocon);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected the configuration to be rejected:\n" + hocon);
    }
}
