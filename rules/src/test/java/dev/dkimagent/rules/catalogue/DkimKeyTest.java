package dev.dkimagent.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.catalogue.dkim.DkimKey.Status;
import dev.dkimagent.rules.catalogue.dkim.DkimKey;
import org.junit.jupiter.api.Test;

class DkimKeyTest {

    @Test
    void parse_2048BitSpki_readsTheModulusLength() {
        assertThat(DkimKey.parse(TestKeys.record(TestKeys.RSA_2048))).isEqualTo(new DkimKey(Status.RSA, 2048, null));
    }

    @Test
    void parse_1024BitKeyWithoutVersionOrK_readsBits() {
        assertThat(DkimKey.parse("p=" + TestKeys.spki(TestKeys.RSA_1024)).bits()).isEqualTo(1024);
    }

    @Test
    void parse_bareMinimalPkcs1_fallsBackAndReadsBits() {
        assertThat(DkimKey.parse("v=DKIM1; p=" + TestKeys.pkcs1(TestKeys.RSA_2048))).isEqualTo(new DkimKey(Status.RSA, 2048, null));
    }

    @Test
    void parse_whitespaceInsideP_isIgnored() {
        String p = TestKeys.spki(TestKeys.RSA_2048);
        String split = "v=DKIM1; k=rsa; p=" + p.substring(0, 100) + "\t " + p.substring(100, 250) + " " + p.substring(250);

        assertThat(DkimKey.parse(split).bits()).isEqualTo(2048);
    }

    @Test
    void parse_emptyP_isRevoked() {
        assertThat(DkimKey.parse("v=DKIM1; k=rsa; p= ").status()).isEqualTo(Status.REVOKED);
    }

    @Test
    void parse_noP_isNoKeyTag() {
        assertThat(DkimKey.parse("v=DKIM1; k=rsa").status()).isEqualTo(Status.NO_KEY_TAG);
    }

    @Test
    void parse_invalidBase64_isUnparseableWithReason() {
        DkimKey k = DkimKey.parse("v=DKIM1; p=%%%");

        assertThat(k.status()).isEqualTo(Status.UNPARSEABLE);
        assertThat(k.problem()).contains("base64");
    }

    @Test
    void parse_ed25519_isNotJudgedAsRsa() {
        assertThat(DkimKey.parse("v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=").status())
                .isEqualTo(Status.OTHER_ALGORITHM);
    }
}
