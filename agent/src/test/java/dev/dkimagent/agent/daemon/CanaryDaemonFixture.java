package dev.dkimagent.agent.daemon;

import dev.dkimagent.agent.alert.AlertChannel;
import dev.dkimagent.agent.alert.DeliveryResult;
import dev.dkimagent.agent.alert.Notification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** What the in-process canary daemon tests share: a channel that records, the daemon's /metrics. */
final class CanaryDaemonFixture {
    private CanaryDaemonFixture() {
    }

    /** An alert channel that delivers into {@code sent} (refs m1, m2, ...). */
    static AlertChannel recording(List<Notification> sent) {
        return new AlertChannel() {
            @Override
            public String name() {
                return "console";
            }

            @Override
            public DeliveryResult deliver(Notification notification, String threadRef) {
                sent.add(notification);
                return DeliveryResult.delivered("m" + sent.size());
            }

            @Override
            public DeliveryResult markResolved(Notification resolution, String threadRef) {
                return DeliveryResult.delivered(threadRef);
            }
        };
    }

    /** The daemon's /metrics text on 127.0.0.1:{@code port}. */
    static String metrics(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
