package dev.dkimagent.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeUrlTest {

    @Test
    void of_postgresWithQueryParameters_dropsThem() {
        assertThat(SafeUrl.of("jdbc:postgresql://db.internal:5432/dkim_agent?user=a&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db.internal:5432/dkim_agent");
    }

    @Test
    void of_userInfoBeforeTheHost_dropsIt() {
        assertThat(SafeUrl.of("jdbc:postgresql://agent:p@ss@db.internal:5432/dkim_agent"))
                .isEqualTo("jdbc:postgresql://db.internal:5432/dkim_agent");
    }

    @Test
    void of_h2Options_dropsThem() {
        assertThat(SafeUrl.of("jdbc:h2:tcp://127.0.0.1:9092/state;PASSWORD=secret"))
                .isEqualTo("jdbc:h2:tcp://127.0.0.1:9092/state");
    }

    @Test
    void of_atSignInThePathOnly_keepsTheUrl() {
        assertThat(SafeUrl.of("jdbc:postgresql://db.internal/dkim@agent"))
                .isEqualTo("jdbc:postgresql://db.internal/dkim@agent");
    }
}
