package dev.dkimagent.agent.inventory.ses;

import java.util.List;

/**
 * One SES API call as seen by the inventory (after the SDK's retries), for metrics.
 *
 * @param operation e.g. {@code ListIdentities}, {@code GetIdentityDkimAttributes}, {@code GetEmailIdentity}
 * @param outcome   {@link #OK}, {@link #THROTTLED}, {@link #DENIED} or {@link #ERROR}
 */
public record SesCallEvent(String operation, String outcome) {

    public static final String OK = "ok";
    public static final String THROTTLED = "throttled";
    public static final String DENIED = "denied";
    public static final String ERROR = "error";

    /** Every outcome, so metrics can start each counter at 0. */
    public static final List<String> OUTCOMES = List.of(OK, THROTTLED, DENIED, ERROR);
    /** Every operation the inventory calls. */
    public static final List<String> OPERATIONS = List.of(
            IdentityLister.OPERATION, DkimAttributesReader.OPERATION, DetailReader.OPERATION);
}
