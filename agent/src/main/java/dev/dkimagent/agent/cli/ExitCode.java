package dev.dkimagent.agent.cli;

/** Exit codes of {@code dkim-agent}, documented in the README. */
public final class ExitCode {
    /** Nothing at or above {@code --fail-on}. */
    public static final int OK = 0;
    /** Findings at or above {@code --fail-on}. */
    public static final int FINDINGS = 1;
    /** Bad usage or bad configuration. */
    public static final int USAGE = 2;
    /** The check could not run (no resolver answered, ...). */
    public static final int CANNOT_RUN = 3;

    private ExitCode() {
    }
}
