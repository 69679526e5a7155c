package dev.dkimagent.agent.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The {@code ses_view} row once a scan was stored: the last SES scan's view as its codec wrote it.
 * The store never reads inside the document; the codec that wrote it reads it back.
 *
 * @param sequence  the scan's number: one more than the scan stored before it (the first is 1)
 * @param scannedAt when the scan finished
 * @param view      the view, in its codec's format
 */
public record SesViewRow(long sequence, Instant scannedAt, Document view) {

    public SesViewRow {
        if (sequence <= 0) {
            throw new IllegalArgumentException("a stored SES view has a positive sequence number, got " + sequence);
        }
        Objects.requireNonNull(scannedAt, "scannedAt");
        Objects.requireNonNull(view, "view");
    }

    /** How errors name this row: which table, which scan. */
    public String where() {
        return "ses_view row (scan " + sequence + ", scanned at " + scannedAt + ")";
    }
}
