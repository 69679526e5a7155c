package dev.dkimagent.agent.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What H2's WRITE_DELAY=0 costs: a plain main (never a JUnit test), timing one-row commits on an
 * H2 file with the agent's setting (each commit written to the file before it returns) and with
 * H2's default (written by a background thread up to 500 ms later). Options: commits=2000.
 * Run: see docs/performance.md ("State commits").
 */
public final class StoreCommitBench {
    private StoreCommitBench() {
    }

    public static void main(String[] args) throws Exception {
        int commits = args.length > 0 ? Integer.parseInt(args[0].replace("commits=", "")) : 2000;
        for (String mode : new String[] {"WRITE_DELAY=500", "WRITE_DELAY=0", "WRITE_DELAY=500", "WRITE_DELAY=0"}) {
            Path dir = Files.createTempDirectory("store-bench-");
            String url = "jdbc:h2:file:" + dir.resolve("state") + ";" + mode;
            try (Store store = Store.open(url, "sa", "")) {
                long started = System.nanoTime();
                for (int i = 0; i < commits; i++) {
                    store.commit(Rows.upsert(Rows.state("k" + (i % 50), "a" + (i % 50) + ".example")));
                }
                double micros = (System.nanoTime() - started) / 1e3 / commits;
                System.out.printf(Locale.ROOT, "%-16s %d commits: %.0f us per commit%n", mode, commits, micros);
            }
        }
    }
}
