package dev.darkroom.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewrites the database part of a PostgreSQL JDBC URL. */
final class JdbcUrls {

    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]+)(?:/[^?]*)?(\\?.*)?$");

    private JdbcUrls() {}

    /** The same server and URL parameters, another database. */
    static String withDatabase(String jdbcUrl, String database) {
        Matcher m = matcher(jdbcUrl);
        return m.group(1) + "/" + database + (m.group(2) == null ? "" : m.group(2));
    }

    private static Matcher matcher(String jdbcUrl) {
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "Not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db): " + jdbcUrl);
        }
        return m;
    }
}
