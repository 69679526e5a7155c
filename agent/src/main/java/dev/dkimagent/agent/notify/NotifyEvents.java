package dev.dkimagent.agent.notify;

import java.time.Duration;

/** What the listener and the recheck queue report (the daemon adapts these to metrics). */
public interface NotifyEvents {
    /** A message was handled; {@code zone} is a watched zone, else {@link #OTHER_ZONE}. */
    void received(String zone, NotifyResult result);

    /** A triggered recheck ran. */
    void recheck(Trigger trigger);

    /** A request was not queued because the queue was full. */
    void dropped(Trigger trigger);

    /** From the first sight of a new serial (or a NOTIFY without one) to the end of the recheck that covered it. */
    void newSerialToRecheck(Duration took);

    /** The zone label for anything that is not a watched zone: never free text from the network. */
    String OTHER_ZONE = "other";

    NotifyEvents NONE = new NotifyEvents() {
        @Override
        public void received(String zone, NotifyResult result) {
        }

        @Override
        public void recheck(Trigger trigger) {
        }

        @Override
        public void dropped(Trigger trigger) {
        }

        @Override
        public void newSerialToRecheck(Duration took) {
        }
    };
}
