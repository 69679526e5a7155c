package dev.dkimagent.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.dkimagent.agent.cli.ConfigOption;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.config.SettingsLoader;
import dev.dkimagent.rules.model.Identity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The digest is fed piece by piece; what it digests must still be exactly version, newline, canonical text. */
class ConfigHashStreamingTest {

    @Test
    void of_isTheSha256OfVersionAndCanonicalText_withIdentitiesInTheOrderOfTheirText() throws Exception {
        // names that are prefixes of one another, and '-' / '_' next to '.': the order by name must be the text's
        Settings settings = SettingsLoader.load(ConfigFactory.parseString("""
                dkim-agent.identities = [
                  { domain = "a.com.x", tokens = [t2] }
                  { domain = "a_c.com", records = [ { name = "s._domainkey.a_c.com", type = TXT } ] }
                  { domain = "a.com", tokens = [t1] }
                  { domain = "a-b.com", tokens = [t3, t4] }
                ]
                """), "dkim-agent.conf", ConfigOption.knownCodes());
        String text = ConfigHash.canonical(settings);
        String byText = settings.identities().stream().map(Identity::toString).sorted()
                .collect(Collectors.joining(", ", "identities=[", "]\n"));

        assertThat(text).startsWith(byText);
        assertThat(ConfigHash.of(settings, "9.9").sha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(("9.9\n" + text).getBytes(StandardCharsets.UTF_8))));
    }
}
