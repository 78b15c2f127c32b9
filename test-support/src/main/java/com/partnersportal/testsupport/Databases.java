package com.partnersportal.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Creates a fresh, empty PostgreSQL database per Spring test context, and drops them all at the end. */
public final class Databases {

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final List<String> created = new ArrayList<>();
    private final Runnable onDropAll;

    private Databases(String host, int port, String user, String password, Runnable onDropAll) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.onDropAll = onDropAll;
    }

    /** The PostgreSQL server of this machine, addressed by the usual PG* variables. */
    static Databases localServer() {
        Map<String, String> env = System.getenv();
        return new Databases(env.getOrDefault("PGHOST", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("PGPORT", "5432")),
                env.getOrDefault("PGUSER", "postgres"),
                env.getOrDefault("PGPASSWORD", ""), () -> { });
    }

    static Databases container() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
        container.start();
        return new Databases(container.getHost(), container.getMappedPort(5432), container.getUsername(),
                container.getPassword(), container::stop);
    }

    public synchronized Database create() {
        String name = "test_" + UUID.randomUUID().toString().replace("-", "");
        execute("postgres", "CREATE DATABASE " + name);
        created.add(name);
        return new Database("jdbc:postgresql://%s:%d/%s".formatted(host, port, name), user, password);
    }

    synchronized void dropAll() {
        for (String name : created) {
            try {
                execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (IllegalStateException e) {
                // The server may already be gone at JVM exit; a leftover test database is harmless.
            }
        }
        onDropAll.run();
    }

    private void execute(String database, String sql) {
        String url = "jdbc:postgresql://%s:%d/%s".formatted(host, port, database);
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at %s:%d as %s refused '%s'. Start it with: "
                    .formatted(host, port, user, sql)
                    + "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start", e);
        }
    }

    public record Database(String url, String user, String password) {
    }
}
