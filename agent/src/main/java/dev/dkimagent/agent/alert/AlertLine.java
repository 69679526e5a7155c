package dev.dkimagent.agent.alert;

import dev.dkimagent.rules.Severity;

/**
 * One finding as an alert shows it. Text fields come from DNS and SES and must be escaped by
 * whatever renders them.
 *
 * @param key         the finding's lifecycle key (rule, tag, identity, zone, selector, address)
 * @param dig         the command that shows the problem, or null
 */
public record AlertLine(String key, String rule, String tag, Severity severity, String zone, String selector,
                        String nameserver, String address, String message, String remediation, String dig) {
}
