package com.partnersportal.orders.actor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.partnersportal.kit.caller.Caller;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The names the order timeline shows for its actors: a user by their name (or email), an API token by the name the
 * merchant gave it. The timeline keeps only the actor's type and id (the events' {@code Actor}); the name is noted
 * here when the actor's action succeeded, and the latest one wins.
 */
@Component
public class ActorNames {

    static final int MAX_LENGTH = 320;

    private final JdbcClient jdbc;
    private final Clock clock;
    /** Names known to be stored: a busy API token's every capture then costs no query, and no row lock. */
    private final Cache<String, String> stored = Caffeine.newBuilder().maximumSize(10_000).build();

    ActorNames(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void remember(Caller caller) {
        String name = caller.name() != null && !caller.name().isBlank() ? caller.name() : caller.email();
        if (name == null || name.isBlank() || caller.merchantId() == null) {
            return;
        }
        String shown = name.strip();
        String value = shown.length() > MAX_LENGTH ? shown.substring(0, MAX_LENGTH) : shown;
        String key = caller.merchantId() + " " + caller.kind().wireName() + " " + caller.actorId();
        if (value.equals(stored.getIfPresent(key))) {
            return;
        }
        // The unchanged name inserts nothing (so locks nothing): concurrent actions of one actor do not queue here.
        jdbc.sql("""
                        INSERT INTO actor_name (merchant_id, actor_type, actor_id, name, updated_at)
                        SELECT :merchantId, :type, :id, :name, :now
                        WHERE NOT EXISTS (SELECT 1 FROM actor_name WHERE merchant_id = :merchantId AND actor_type = :type
                                                                     AND actor_id = :id AND name = :name)
                        ON CONFLICT (merchant_id, actor_type, actor_id)
                        DO UPDATE SET name = EXCLUDED.name, updated_at = EXCLUDED.updated_at""")
                .param("merchantId", caller.merchantId())
                .param("type", caller.kind().wireName())
                .param("id", caller.actorId())
                .param("name", value)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        stored.put(key, value);
    }
}
