package com.partnersportal.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.contracttest.ContractSamples;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What a service really publishes, read back from its outbox (the rows the relay sends to the broker as they are):
 * every row conforms to its contract module's sample and schema (ADR 16).
 */
public final class PublishedEvents {

    private PublishedEvents() {
    }

    /** @return the event types checked, so that a test can say which it covered */
    public static List<String> assertOutboxConformsToContractSamples(DataSource database) {
        List<String> types = assertEveryOutboxRowConforms(database);
        assertThat(types).as("events in the outbox").isNotEmpty();
        return types;
    }

    /**
     * Every row the service has written to its outbox so far (an empty outbox passes): for a publisher's
     * {@code @AfterEach}, so each test that publishes proves what it published.
     *
     * @return the event types checked
     */
    public static List<String> assertEveryOutboxRowConforms(DataSource database) {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = database.getConnection();
                ResultSet rs = connection.createStatement()
                        .executeQuery("SELECT topic, event_type, payload FROM outbox_event ORDER BY position")) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getBytes(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox", e);
        }
        rows.forEach(row -> ContractSamples.assertConforms(row.topic(), row.type(), row.payload()));
        return rows.stream().map(Row::type).distinct().toList();
    }

    private record Row(String topic, String type, byte[] payload) {
    }
}
