package com.partnersportal.kit.health;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which health indicators run in the background ({@code portal.health.background.*}).
 *
 * @param indicators names of the health contributors checked in the background (db, kafka, redis, ...)
 * @param interval pause between the end of one check and the start of the next
 * @param staleAfter a result older than this counts as DOWN (the check hangs)
 * @param firstResultWait how long a probe waits for the very first result before answering DOWN
 */
@ConfigurationProperties("portal.health.background")
public record BackgroundHealthProperties(
        @DefaultValue({"db", "kafka", "redis"}) List<String> indicators,
        @DefaultValue("2s") Duration interval,
        @DefaultValue("10s") Duration staleAfter,
        @DefaultValue("300ms") Duration firstResultWait) {
}
