package com.partnersportal.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The local PostgreSQL (not started by the launcher): checks that it answers and creates the services'
 * databases if they are missing. Connection from PGHOST, PGPORT, PGUSER, PGPASSWORD; default
 * postgres@127.0.0.1:5432.
 */
final class PostgresCheck {

    record Settings(String host, int port, String user, String password) {

        static Settings fromEnvironment(Map<String, String> env) {
            String host = env.getOrDefault("PGHOST", "");
            // A PGHOST starting with '/' is a Unix socket directory, which JDBC does not speak.
            if (host.isBlank() || host.startsWith("/")) {
                host = "127.0.0.1";
            }
            int port = Integer.parseInt(env.getOrDefault("PGPORT", "5432").strip());
            String user = env.getOrDefault("PGUSER", "postgres");
            return new Settings(host, port, user, env.get("PGPASSWORD"));
        }

        String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    static final class Unavailable extends Exception {
        Unavailable(String message) { super(message); }
    }

    private PostgresCheck() {}

    /** Returns the databases it created. */
    static List<String> ensureDatabases(Settings pg, List<String> databases) throws Unavailable {
        Properties props = new Properties();
        props.setProperty("user", pg.user());
        if (pg.password() != null) {
            props.setProperty("password", pg.password());
        }
        props.setProperty("connectTimeout", "3");
        props.setProperty("loginTimeout", "5");
        try (Connection connection = DriverManager.getConnection(pg.jdbcUrl("postgres"), props)) {
            List<String> created = new ArrayList<>();
            for (String database : databases) {
                if (!exists(connection, database)) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE \"" + database + "\"");
                    }
                    created.add(database);
                }
            }
            return created;
        } catch (SQLException e) {
            throw new Unavailable("""
                    PostgreSQL does not answer on %s:%d as user %s: %s
                      Start it:    pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start   (as root)
                      Install it:  apt-get install postgresql
                      Elsewhere:   set PGHOST, PGPORT, PGUSER (and PGPASSWORD) before ./portal start"""
                    .formatted(pg.host(), pg.port(), pg.user(), e.getMessage()));
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
