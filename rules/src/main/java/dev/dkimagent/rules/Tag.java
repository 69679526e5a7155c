package dev.dkimagent.rules;

/** One outcome a rule can emit, with the severity it has unless configuration re-levels it. */
public record Tag(String name, Severity defaultSeverity) {
}
