package dev.dkimagent.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenListTest {

    @Test
    void tokens_roundTrip_asAJsonArrayOfStrings() {
        String json = TokenList.write(List.of("a", "b\"c", "ü"));

        assertThat(json).isEqualTo("[\"a\",\"b\\\"c\",\"ü\"]");
        assertThat(TokenList.read(json)).containsExactly("a", "b\"c", "ü");
        assertThat(TokenList.read("[]")).isEmpty();
    }

    @Test
    void read_anythingButAnArrayOfStrings_failsLoudly() {
        assertThatThrownBy(() -> TokenList.read("{\"tokens\":[]}")).hasMessageContaining("not a JSON array");
        assertThatThrownBy(() -> TokenList.read("[\"a\",1]")).hasMessageContaining("hold a non-string");
        assertThatThrownBy(() -> TokenList.read("[")).hasMessageContaining("not JSON");
    }
}
