package dev.dkimagent.agent.alert;

import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.SesView;
import java.time.Instant;
import java.util.List;

/**
 * The last SES scan as the store keeps it for every node: what a node needs to judge SES exactly
 * as the node that scanned did.
 *
 * @param sequence   the scan's number in the store (grows by one with each stored scan)
 * @param scannedAt  when the scan finished
 * @param identities the identities SES named, with their records (blind pairs' carried over)
 * @param view       the states and errors of the scan, with the memory it was judged against
 */
public record StoredSesView(long sequence, Instant scannedAt, List<Identity> identities, SesView view) {

    public StoredSesView {
        identities = List.copyOf(identities);
    }
}
