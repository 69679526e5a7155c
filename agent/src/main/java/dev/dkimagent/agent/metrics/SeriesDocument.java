package dev.dkimagent.agent.metrics;

import java.util.Objects;

/**
 * One zone's published series as a document the nodes of a cluster share: the node that judged
 * the zone writes it, the node publishing for the cluster reads it back ({@link ZoneSeriesCodec}).
 *
 * @param format the codec's format version
 * @param json   the encoded series
 */
public record SeriesDocument(int format, String json) {

    public SeriesDocument {
        Objects.requireNonNull(json, "json");
    }
}
