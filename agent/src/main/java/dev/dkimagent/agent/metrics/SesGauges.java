package dev.dkimagent.agent.metrics;

import static dev.dkimagent.agent.metrics.LabelValues.name;
import static dev.dkimagent.agent.metrics.MetricNames.*;

import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.SesIdentityState;
import dev.dkimagent.rules.model.SesView;
import java.util.List;

/** The gauges one SES view yields, per identity x account x region. */
final class SesGauges {
    private final GaugeTable status = new GaugeTable(SES_DKIM_STATUS,
            "1 for the DKIM verification status SES reports now, 0 for the other four.",
            IDENTITY, ACCOUNT, REGION, STATUS);
    private final GaugeTable signing = new GaugeTable(SES_SIGNING_ENABLED,
            "1 when SES has DKIM signing enabled for the identity, else 0.", IDENTITY, ACCOUNT, REGION);
    private final GaugeTable deadline = new GaugeTable(SES_DEADLINE,
            "While SES reports a failing DKIM status: the last success plus 72 hours, when SES revokes.",
            IDENTITY, ACCOUNT, REGION);

    /** The tables with no rows: what is exposed before the first SES scan. */
    static List<GaugeTable> empty() {
        return new SesGauges().tables();
    }

    static List<GaugeTable> of(SesView view) {
        SesGauges gauges = new SesGauges();
        view.states().forEach(state -> gauges.add(state, view));
        return gauges.tables();
    }

    private void add(SesIdentityState state, SesView view) {
        String identity = name(state.identity());
        String account = name(state.account());
        String region = name(state.region());
        for (DkimStatus each : DkimStatus.values()) {
            status.put(each == state.status() ? 1 : 0, identity, account, region, each.name());
        }
        signing.put(state.signingEnabled() ? 1 : 0, identity, account, region);
        view.revocationDeadline(state).ifPresent(at -> deadline.put(at.getEpochSecond(), identity, account, region));
    }

    private List<GaugeTable> tables() {
        return List.of(status, signing, deadline);
    }
}
