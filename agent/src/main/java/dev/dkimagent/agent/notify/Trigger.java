package dev.dkimagent.agent.notify;

/** Why a zone is rechecked outside the sweep; the label is the metric's {@code trigger} value. */
public enum Trigger {
    /** A NOTIFY from the zone's primary. */
    NOTIFY("notify"),
    /** The SOA watch saw a serial move or an address change state. */
    SOA("soa"),
    /** A finding a triggered recheck saw for the first time, looked at once more {@code notify.confirm-after} later. */
    CONFIRM("confirm"),
    /** The propagation grace of a server catching up has ended: it is judged now. */
    GRACE("grace");

    private final String label;

    Trigger(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
