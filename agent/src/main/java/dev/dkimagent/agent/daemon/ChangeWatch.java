package dev.dkimagent.agent.daemon;

import dev.dkimagent.agent.config.NotifySettings;
import dev.dkimagent.agent.metrics.ChangeMetrics;
import dev.dkimagent.agent.notify.NotifyEvents;
import dev.dkimagent.agent.notify.NotifyHandler;
import dev.dkimagent.agent.notify.NotifyKeys;
import dev.dkimagent.agent.notify.NotifyListener;
import dev.dkimagent.agent.notify.NotifyResult;
import dev.dkimagent.agent.notify.RecheckQueue;
import dev.dkimagent.agent.notify.SerialClaims;
import dev.dkimagent.agent.notify.SoaWatch;
import dev.dkimagent.agent.notify.Trigger;
import dev.dkimagent.agent.pipeline.CommitAndPublish;
import dev.dkimagent.agent.pipeline.ZoneOutcome;
import dev.dkimagent.agent.pipeline.ZonePipeline;
import dev.dkimagent.agent.wiring.DnsRuntime;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The daemon's change triggers wired from settings: the recheck queue, the NOTIFY listener (when
 * enabled) and the SOA watch (when its interval is not zero), reporting to the change metrics.
 */
final class ChangeWatch implements AutoCloseable {
    /** Triggered rechecks of different zones at once: small, the sweep does the bulk. */
    private static final int RECHECK_THREADS = 2;

    private final RecheckQueue queue;
    private final NotifyListener listener;
    private final SoaWatch soaWatch;
    private volatile Runnable afterRecheck = () -> { };

    ChangeWatch(NotifySettings settings, int firingAfter, Duration dnsTimeout, ZonePipeline zones,
                CommitAndPublish commit, Function<String, Optional<Duration>> graceLeft, DnsRuntime dns,
                ChangeMetrics metrics) throws IOException {
        NotifyEvents events = events(metrics);
        metrics.triggers(Arrays.stream(Trigger.values()).map(Trigger::label).toList());
        this.queue = new RecheckQueue(zone -> zones.recheck(zone) == ZoneOutcome.JUDGED, commit::hasPending,
                graceLeft, settings.minGap(), settings.confirmAfter(), Math.max(0, firingAfter - 1), settings.queueSize(),
                RECHECK_THREADS, System::nanoTime, events);
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            this.listener = settings.enabled() ? new NotifyListener(settings.listen(), new NotifyHandler(
                    settings.allow(), new NotifyKeys(settings.tsig()), zones::watches,
                    (zone, serial) -> queue.request(zone, Trigger.NOTIFY, serial), events, System::nanoTime))
                    : null;
            if (listener != null) {
                metrics.listening(NotifyEvents.OTHER_ZONE, Arrays.stream(NotifyResult.values())
                        .filter(r -> r != NotifyResult.ACCEPTED).map(NotifyResult::label).toList());
            }
        } catch (IOException | RuntimeException e) {
            queue.close();
            throw e;
        }
        this.soaWatch = settings.soaInterval().isZero() ? null : new SoaWatch(zones::addresses, dns::soa,
                (zone, newest) -> queue.request(zone, Trigger.SOA, newest), roundTimeout(settings, dnsTimeout));
    }

    /** A round may take up to the interval (minus a little), never less than a few DNS timeouts. */
    private static Duration roundTimeout(NotifySettings settings, Duration dnsTimeout) {
        Duration interval = settings.soaInterval().minusSeconds(1);
        Duration floor = dnsTimeout.multipliedBy(3);
        return interval.compareTo(floor) > 0 ? interval : floor;
    }

    /** Runs after every triggered recheck: the daemon delivers what it committed now, not at the next outbox tick. */
    void afterRecheck(Runnable action) {
        this.afterRecheck = action;
    }

    /** In a cluster: a NOTIFY serial is rechecked by the first node to claim it in the shared state. */
    void shareSerials(SerialClaims claims) {
        queue.shareSerials(claims);
    }

    Optional<SoaWatch> soaWatch() {
        return Optional.ofNullable(soaWatch);
    }

    Optional<NotifyListener> listener() {
        return Optional.ofNullable(listener);
    }

    private NotifyEvents events(ChangeMetrics metrics) {
        return new NotifyEvents() {
            @Override
            public void received(String zone, NotifyResult result) {
                metrics.notifyReceived(zone, result.label());
            }

            @Override
            public void recheck(Trigger trigger) {
                metrics.recheck(trigger.label());
                afterRecheck.run();
            }

            @Override
            public void dropped(Trigger trigger) {
                metrics.dropped(trigger.label());
            }

            @Override
            public void newSerialToRecheck(Duration took) {
                metrics.changeToRecheck(took);
            }
        };
    }

    /** The listener first (no new triggers), then the queue (waiting rechecks are abandoned). */
    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
        queue.close();
    }
}
