package dev.darkroom.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database created for one test context.
 *
 * @param name the database's name ({@code darkroom_t_...})
 * @param jdbcUrl its JDBC URL
 * @param user the user that owns it
 * @param password that user's password (empty under trust authentication)
 */
public record TestDatabase(String name, String jdbcUrl, String user, String password) {

    /** A new connection to this database; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    @Override
    public String toString() {
        return "TestDatabase[" + jdbcUrl + " user=" + user + "]";
    }
}
