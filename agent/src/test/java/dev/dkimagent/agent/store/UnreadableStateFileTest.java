package dev.dkimagent.agent.store;

import static dev.dkimagent.agent.store.Rows.state;
import static dev.dkimagent.agent.store.Rows.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dkimagent.agent.alert.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An existing H2 state file that cannot be opened is never replaced silently: refused with what to
 * do, or moved aside when asked. H2 itself would open an empty or zeroed file as a new database.
 */
class UnreadableStateFileTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    private TestDatabase db;
    private Path file;

    @BeforeEach
    void writeAState() throws Exception {
        db = TestDatabase.h2(dir);
        file = Path.of(db.where() + ".mv.db");
        try (Store store = db.open()) {
            store.commit(upsert(state("k1", "a.example")));
        }
    }

    @Test
    void emptyFile_isRefusedBeforeH2CanTurnItIntoANewDatabase_andLeftAsItIs() throws Exception {
        Files.write(file, new byte[0]);

        assertThatThrownBy(db::open).isInstanceOf(UnreadableStateException.class)
                .hasMessageContaining("the state file " + file + " exists but cannot be opened")
                .hasMessageContaining("it is empty (0 bytes)")
                .hasMessageContaining("--move-aside-unreadable-state");
        assertThat(file).isEmptyFile();
    }

    @Test
    void zeroedFile_isRefusedWithoutH2WritingIntoIt() throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        Arrays.fill(bytes, 8192, bytes.length, (byte) 0);
        Files.write(file, bytes);

        assertThatThrownBy(db::open).isInstanceOf(UnreadableStateException.class)
                .hasMessageContaining("zeroed or emptied");
        assertThat(Files.readAllBytes(file)).as("left as it was").isEqualTo(bytes);
    }

    @Test
    void garbageFile_isRefusedWithH2sReason() throws Exception {
        byte[] garbage = garbage();
        Files.write(file, garbage);

        assertThatThrownBy(db::open).isInstanceOf(UnreadableStateException.class)
                .hasMessageContaining("File corrupted");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void moveAsideAsked_unreadableFile_isRenamedWithTheTime_andTheStoreStartsEmpty() throws Exception {
        byte[] garbage = garbage();
        Files.write(file, garbage);

        try (Store store = Store.open(db.url(), db.user(), db.password(), new StoreOptions(true, new MutableClock(T0)))) {
            Path aside = file.resolveSibling("dkim-agent.mv.db.unreadable-20261201T100000Z");
            assertThat(store.movedAside()).contains(aside);
            assertThat(Files.readAllBytes(aside)).isEqualTo(garbage);
            assertThat(store.alertStates()).isEmpty();
            assertThat(store.canRecord()).isTrue();
        }
    }

    @Test
    void moveAsideAsked_stateHeldByAnotherAgent_isNotMovedButRefused() throws Exception {
        try (Store holder = db.open()) {
            assertThatThrownBy(() -> Store.open(db.url(), db.user(), db.password(),
                    new StoreOptions(true, new MutableClock(T0))))
                    .isNotInstanceOf(UnreadableStateException.class)
                    .hasMessageContaining("another dkim-agent holds the state");
            assertThat(holder.alertStates()).containsOnlyKeys("k1");
        }
        try (Store again = db.open()) {
            assertThat(again.movedAside()).isEmpty();
            assertThat(again.alertStates()).containsOnlyKeys("k1");
        }
    }

    private byte[] garbage() throws Exception {
        byte[] bytes = new byte[(int) Files.size(file)];
        new Random(1).nextBytes(bytes);
        return bytes;
    }
}
