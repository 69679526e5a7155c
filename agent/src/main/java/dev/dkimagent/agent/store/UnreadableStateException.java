package dev.dkimagent.agent.store;

import java.nio.file.Path;

/**
 * An existing state file cannot be opened as a dkim-agent state (corrupt, truncated, emptied by
 * fsck). It is never replaced silently: the agent refuses to start, unless the operator asked for
 * such a file to be moved aside ({@code run --move-aside-unreadable-state}).
 */
public final class UnreadableStateException extends StoreException {

    private final transient Path file;

    UnreadableStateException(Path file, String why, Throwable cause) {
        super("the state file " + file + " exists but cannot be opened as a dkim-agent state (" + why
                + "); it is left as it is. Restore it from a backup, or start once with "
                + "--move-aside-unreadable-state to move it aside and begin with an empty state "
                + "(every alert firing now is announced again)", cause);
        this.file = file;
    }

    /** The H2 data file ({@code .mv.db}) that could not be opened. */
    public Path file() {
        return file;
    }
}
