package dev.dkimagent.agent.alert;

/**
 * Whether a message whose delivery was uncertain is in the channel.
 *
 * @param state      what the channel could tell
 * @param messageRef the found message's id (Slack {@code ts}) when FOUND
 * @param error      why the channel could not tell, when UNKNOWN
 */
public record Lookup(State state, String messageRef, String error) {

    public enum State {
        /** The channel has it: it was delivered. */
        FOUND,
        /** The channel answered and does not have it: sending again makes no copy. */
        ABSENT,
        /** The channel cannot look (webhook) or the look-up failed. */
        UNKNOWN
    }

    public static Lookup found(String messageRef) {
        return new Lookup(State.FOUND, messageRef, null);
    }

    public static Lookup absent() {
        return new Lookup(State.ABSENT, null, null);
    }

    public static Lookup unknown(String error) {
        return new Lookup(State.UNKNOWN, null, error);
    }
}
