package dev.dkimagent.agent.testworld;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One throwaway PostgreSQL cluster per test class, started before its first test and stopped after
 * its last: {@code @RegisterExtension static final PostgresCluster POSTGRES = new PostgresCluster();}.
 * A cluster that cannot start fails the class (see {@link Postgres#start()}).
 */
public final class PostgresCluster implements BeforeAllCallback, AfterAllCallback {
    private Postgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) {
        postgres = Postgres.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** The running cluster (only between beforeAll and afterAll). */
    public Postgres get() {
        return postgres;
    }
}
