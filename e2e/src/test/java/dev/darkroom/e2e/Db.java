package dev.darkroom.e2e;

import dev.darkroom.testsupport.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Read-only SQL against the platform's database, for checks the API does not expose (ledger, history). */
final class Db {

    private final TestDatabase database;

    Db(TestDatabase database) {
        this.database = database;
    }

    /** Rows as lists of column values. */
    List<List<Object>> rows(String sql, Object... params) {
        try (Connection c = database.connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<List<Object>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    long count(String sql, Object... params) {
        return ((Number) rows(sql, params).get(0).get(0)).longValue();
    }

    BigDecimal money(String sql, Object... params) {
        Object v = rows(sql, params).get(0).get(0);
        return v == null ? BigDecimal.ZERO : (BigDecimal) v;
    }
}
