package dev.dkimagent.agent.alert;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A channel that answers from a script (DELIVERED with ts1, ts2 ... when the script is empty) and records calls. */
class ScriptedChannel implements AlertChannel {

    record Call(String kind, String identity, String threadRef, Notification notification) {
    }

    private final Deque<DeliveryResult> script = new ArrayDeque<>();
    final List<Call> calls = new ArrayList<>();
    private int refs;

    ScriptedChannel then(DeliveryResult result) {
        script.add(result);
        return this;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public DeliveryResult deliver(Notification notification, String threadRef) {
        calls.add(new Call("deliver", notification.identity(), threadRef, notification));
        return script.isEmpty() ? DeliveryResult.delivered("ts" + ++refs) : script.poll();
    }

    @Override
    public DeliveryResult markResolved(Notification resolution, String threadRef) {
        calls.add(new Call("markResolved", resolution.identity(), threadRef, resolution));
        return DeliveryResult.delivered(threadRef);
    }

    List<Call> deliveries() {
        return calls.stream().filter(c -> c.kind().equals("deliver")).toList();
    }
}
