package dev.dkimagent.agent.inventory.ses;

import java.util.Objects;

/**
 * One AWS account to read SES from.
 *
 * @param name       the name used in findings and sources ("default" for the default credentials)
 * @param roleArn    the role to assume with the base credentials; empty = use the base credentials
 * @param externalId the AssumeRole external id; empty when not needed
 */
public record SesAccount(String name, String roleArn, String externalId) {

    /** The account used when none is configured: the base (default chain) credentials. */
    public static final String DEFAULT_NAME = "default";

    public SesAccount {
        Objects.requireNonNull(name, "name");
        roleArn = roleArn == null ? "" : roleArn.trim();
        externalId = externalId == null ? "" : externalId.trim();
    }

    public static SesAccount defaultAccount() {
        return new SesAccount(DEFAULT_NAME, "", "");
    }

    boolean assumesRole() {
        return !roleArn.isEmpty();
    }
}
