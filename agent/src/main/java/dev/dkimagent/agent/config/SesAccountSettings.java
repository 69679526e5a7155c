package dev.dkimagent.agent.config;

/**
 * One AWS account to read SES identities from, by assuming a role.
 *
 * @param name       unique label ({@code [A-Za-z0-9_-]+}), used in findings and metrics
 * @param roleArn    the IAM role to assume
 * @param externalId the role's external ID; "" when unset
 */
public record SesAccountSettings(String name, String roleArn, String externalId) {
}
