package com.partnersportal.kit.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.outbox.*}: how the relay polls and sends.
 *
 * @param pollInterval pause between two relay passes that found nothing or failed
 * @param batchSize    events sent per pass, in order
 * @param sendTimeout  how long one pass waits for the broker's acknowledgements
 * @param retention    how long published events are kept for inspection before they are deleted
 */
@ConfigurationProperties("portal.outbox")
public record OutboxProperties(Duration pollInterval, Integer batchSize, Duration sendTimeout, Duration retention) {

    public OutboxProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(100) : pollInterval;
        batchSize = batchSize == null ? 200 : batchSize;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        retention = retention == null ? Duration.ofDays(7) : retention;
    }
}
