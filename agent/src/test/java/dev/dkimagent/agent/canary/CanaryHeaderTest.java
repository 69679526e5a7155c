package dev.dkimagent.agent.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanaryHeaderTest {

    @Test
    void valueIn_anyCaseFoldedOrLfOnly_isFound() {
        assertThat(CanaryHeader.valueIn(bytes("From: a@x\r\nx-dkim-agent-canary:  id-1 \r\n\r\nbody"))).hasValue("id-1");
        assertThat(CanaryHeader.valueIn(bytes("X-Dkim-Agent-Canary:\r\n\tid-2\r\nSubject: s\r\n\r\n"))).hasValue("id-2");
        assertThat(CanaryHeader.valueIn(bytes("Subject: s\nX-Dkim-Agent-Canary: id-3\n\nbody"))).hasValue("id-3");
    }

    @Test
    void valueIn_onlyInTheBodyOrAbsent_isEmpty_andACutHeadIsReadAsFarAsItGoes() {
        assertThat(CanaryHeader.valueIn(bytes("Subject: s\r\n\r\nX-Dkim-Agent-Canary: id-in-body\r\n"))).isEmpty();
        assertThat(CanaryHeader.valueIn(bytes("Subject: s\r\n\r\n"))).isEmpty();
        assertThat(CanaryHeader.valueIn(bytes("Subject: s\r\nX-Dkim-Agent-Canary: id-4\r\nReceiv"))).hasValue("id-4");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
