package dev.dkimagent.agent.notify;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the listener and the queue report, as "zone/result" and trigger labels. */
final class RecordingEvents implements NotifyEvents {
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<String> rechecks = new CopyOnWriteArrayList<>();
    final List<String> dropped = new CopyOnWriteArrayList<>();
    final List<Duration> serialToRecheck = new CopyOnWriteArrayList<>();

    @Override
    public void received(String zone, NotifyResult result) {
        received.add(zone + "/" + result.label());
    }

    @Override
    public void recheck(Trigger trigger) {
        rechecks.add(trigger.label());
    }

    @Override
    public void dropped(Trigger trigger) {
        dropped.add(trigger.label());
    }

    @Override
    public void newSerialToRecheck(Duration took) {
        serialToRecheck.add(took);
    }
}
