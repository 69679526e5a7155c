package dev.dkimagent.agent.clusterview;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Plain connections to one database, until the test cuts this node off it (a seam for a node's lost database). */
final class BreakableDataSource implements DataSource {
    private final String url;
    private final String user;
    private volatile boolean broken;

    BreakableDataSource(String url, String user) {
        this.url = url;
        this.user = user;
    }

    void cut(boolean cut) {
        broken = cut;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (broken) {
            throw new SQLException("Connection refused (cut by the test)", "08001");
        }
        return DriverManager.getConnection(url, user, "");
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
