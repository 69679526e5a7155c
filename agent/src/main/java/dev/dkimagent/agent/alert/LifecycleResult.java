package dev.dkimagent.agent.alert;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one sweep's lifecycle step.
 *
 * @param states        every tracked finding after the sweep, by key (resolved ones are gone)
 * @param notifications what to enqueue, one per identity with something to say
 */
public record LifecycleResult(Map<String, AlertState> states, List<Notification> notifications) {

    public LifecycleResult {
        states = Map.copyOf(states);
        notifications = List.copyOf(notifications);
    }
}
