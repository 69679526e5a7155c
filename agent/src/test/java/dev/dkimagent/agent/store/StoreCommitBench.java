package dev.dkimagent.agent.store;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/**
 * What the H2 durability settings cost: a plain main (never a JUnit test). On an H2 file it times
 * (1) one-row state commits with the agent's WRITE_DELAY=0 (each commit written to the file before
 * it returns) against H2's default WRITE_DELAY=500, and (2) recording deliveries, which with the
 * agent's settings also syncs the file (CHECKPOINT SYNC). Options: commits=2000 deliveries=200.
 * Run: see docs/performance.md ("State commits").
 */
public final class StoreCommitBench {
    private StoreCommitBench() {
    }

    public static void main(String[] args) throws Exception {
        int commits = option(args, "commits", 2000);
        int deliveries = option(args, "deliveries", 200);
        for (String mode : new String[] {"WRITE_DELAY=500", "WRITE_DELAY=0", "WRITE_DELAY=500", "WRITE_DELAY=0"}) {
            try (Store store = Store.open(url(mode), "sa", "")) {
                long started = System.nanoTime();
                for (int i = 0; i < commits; i++) {
                    store.commit(Rows.upsert(Rows.state("k" + (i % 50), "a" + (i % 50) + ".example")));
                }
                print(mode + " state commit", commits, started);
            }
        }
        try (Store store = Store.open(url("WRITE_DELAY=0"), "sa", "")) {
            for (int i = 0; i < deliveries; i++) {
                store.commit(Rows.enqueue(Rows.message("id" + i + ".example", Rows.T0)));
            }
            List<OutboxMessage> due = store.dueMessages(Rows.T0.plusSeconds(86_400), deliveries);
            long started = System.nanoTime();
            for (OutboxMessage m : due) {
                store.recordDelivered(m, "ts", Rows.T0, Store.IncidentChange.NONE);
            }
            print("delivery record + CHECKPOINT SYNC", due.size(), started);
        }
    }

    private static String url(String mode) throws Exception {
        return "jdbc:h2:file:" + Files.createTempDirectory("store-bench-").resolve("state") + ";" + mode;
    }

    private static void print(String what, int n, long startedNanos) {
        double micros = (System.nanoTime() - startedNanos) / 1e3 / n;
        System.out.printf(Locale.ROOT, "%-36s %5d x: %8.0f us each%n", what, n, micros);
    }

    private static int option(String[] args, String name, int fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return Integer.parseInt(a.substring(name.length() + 1));
            }
        }
        return fallback;
    }
}
