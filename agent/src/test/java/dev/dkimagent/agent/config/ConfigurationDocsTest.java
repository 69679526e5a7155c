package dev.dkimagent.agent.config;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/configuration.md must document every key the loader accepts. */
class ConfigurationDocsTest {
    private static final Path DOC = Path.of(System.getProperty("user.dir"), "..", "docs", "configuration.md");

    @Test
    void docs_mentionEveryKeyOfReferenceConf() throws IOException {
        List<String> paths = new ArrayList<>();
        collect(SettingsLoader.reference().getObject(SettingsLoader.ROOT), SettingsLoader.ROOT, paths);

        assertThat(paths).contains("dkim-agent.dns.timeout", "dkim-agent.rules.levels");
        assertThat(paths).allSatisfy(path -> assertThat(doc()).contains("`" + path + "`"));
    }

    @Test
    void docs_mentionEveryListItemKey() throws IOException {
        List<String> paths = new ArrayList<>();
        IdentitiesReader.KEYS.forEach(k -> paths.add("dkim-agent.identities[]." + k));
        RecordsReader.KEYS.forEach(k -> paths.add("dkim-agent.identities[].records[]." + k));
        ZonesReader.KEYS.forEach(k -> paths.add("dkim-agent.zones.\"<apex>\"." + k));
        SesAccountsReader.KEYS.forEach(k -> paths.add("dkim-agent.ses.accounts[]." + k));

        assertThat(paths).allSatisfy(path -> assertThat(doc()).contains("`" + path + "`"));
    }

    @Test
    void docs_describeSearchOrderEnvironmentAndQuoting() throws IOException {
        assertThat(doc()).contains("--config", "DKIM_AGENT_CONFIG", "./dkim-agent.conf",
                "/etc/dkim-agent/dkim-agent.conf", "${?", "\"DKIM01.RECORD_MISSING\" = critical",
                "match = [", "DKIM_AGENT_SLACK_WEBHOOK_URL", "DKIM_AGENT_SLACK_BOT_TOKEN",
                "DKIM_AGENT_STATE_PASSWORD");
    }

    /** Every key path, objects included (an empty object such as levels has no leaf to find). */
    private static void collect(ConfigObject object, String prefix, List<String> paths) {
        for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
            String path = prefix + "." + ConfigUtil.joinPath(entry.getKey());
            paths.add(path);
            if (entry.getValue() instanceof ConfigObject child) {
                collect(child, path, paths);
            }
        }
    }

    private static String doc() throws IOException {
        return Files.readString(DOC);
    }
}
