package dev.dkimagent.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityTest {
    private static final EasyDkimRecords EASY = EasyDkimRecords.of("example.com", "dkim.amazonses.com",
            List.of("t1", "t2"));

    @Test
    void easyDkimRecords_areKeptAsTheyAre() {
        Identity identity = new Identity("example.com", "config", EASY);

        assertThat(identity.records()).isSameAs(EASY);
    }

    @Test
    void anyOtherList_isCopied() {
        List<ExpectedRecord> mutable = new ArrayList<>(EASY);
        Identity identity = new Identity("example.com", "config", mutable);
        mutable.clear();

        assertThat(identity.records()).isEqualTo(EASY);
        assertThatThrownBy(() -> identity.records().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalsAndHashCode_doNotDependOnHowTheRecordsAreKept() {
        Identity compact = new Identity("example.com", "config", EASY);
        Identity plain = new Identity("example.com", "config", List.copyOf(EASY));

        assertThat(compact).isEqualTo(plain);
        assertThat(plain).isEqualTo(compact);
        assertThat(compact.hashCode()).isEqualTo(plain.hashCode());
        assertThat(List.of(compact)).isEqualTo(List.of(plain));
    }
}
