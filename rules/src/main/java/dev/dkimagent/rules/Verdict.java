package dev.dkimagent.rules;

/** A finding with its configured severity and rendered text: what reports and alerts show. */
public record Verdict(Finding finding, Severity severity, String message, String remediation) {
}
