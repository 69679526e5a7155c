package dev.dkimagent.agent.store;

import java.sql.SQLException;
import java.util.Set;

/**
 * Failures of one statement that say nothing about the database itself: a constraint or data
 * error, a syntax error, a serialization conflict. They fail the call but leave the store up;
 * everything else (connection lost, database closed, disk full, read-only, server shutting down)
 * marks it down.
 */
final class StatementFault {

    /** SQLSTATE classes: 22 data exception, 23 integrity constraint, 40 transaction rollback, 42 syntax or access rule. */
    private static final Set<String> STATEMENT_CLASSES = Set.of("22", "23", "40", "42");

    private StatementFault() {
    }

    static boolean isStatementFault(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.length() >= 2 && STATEMENT_CLASSES.contains(state.substring(0, 2));
    }
}
