package dev.dkimagent.agent.alert;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A channel that answers from a script (DELIVERED with ts1, ts2 ... when the script is empty) and
 * records calls. Look-ups answer from their own script (UNKNOWN, as a webhook, when it is empty).
 */
class ScriptedChannel implements AlertChannel {

    record Call(String kind, String identity, String threadRef, Notification notification) {
    }

    private final Deque<DeliveryResult> script = new ArrayDeque<>();
    private final Deque<Lookup> lookups = new ArrayDeque<>();
    final List<Call> calls = new ArrayList<>();
    final List<String> keys = new ArrayList<>();
    private int refs;
    String fingerprint = "settings-1";

    ScriptedChannel then(DeliveryResult result) {
        script.add(result);
        return this;
    }

    ScriptedChannel thenFind(Lookup lookup) {
        lookups.add(lookup);
        return this;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public String settingsFingerprint() {
        return fingerprint;
    }

    @Override
    public DeliveryResult deliver(Notification notification, String threadRef) {
        calls.add(new Call("deliver", notification.identity(), threadRef, notification));
        return script.isEmpty() ? DeliveryResult.delivered("ts" + ++refs) : script.poll();
    }

    @Override
    public DeliveryResult deliver(Notification notification, String threadRef, String messageKey) {
        keys.add(messageKey);
        return deliver(notification, threadRef);
    }

    @Override
    public Lookup find(String messageKey, Instant since) {
        calls.add(new Call("find", messageKey, null, null));
        return lookups.isEmpty() ? Lookup.unknown("scripted cannot look") : lookups.poll();
    }

    @Override
    public DeliveryResult markResolved(Notification resolution, String threadRef) {
        calls.add(new Call("markResolved", resolution.identity(), threadRef, resolution));
        return DeliveryResult.delivered(threadRef);
    }

    List<Call> deliveries() {
        return calls.stream().filter(c -> c.kind().equals("deliver")).toList();
    }

    List<Call> finds() {
        return calls.stream().filter(c -> c.kind().equals("find")).toList();
    }
}
