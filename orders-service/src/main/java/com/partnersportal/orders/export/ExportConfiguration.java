package com.partnersportal.orders.export;

import com.partnersportal.kit.deployment.DeploymentProperties;
import com.partnersportal.kit.links.SignedLinks;
import com.partnersportal.kit.work.DurableWorker;
import com.partnersportal.kit.work.RetrySchedule;
import com.partnersportal.orders.search.OrderSearch;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ExportProperties.class)
class ExportConfiguration {

    /** The sandbox's well-known secret, refused in production so that nobody can forge a link there. */
    static final String SANDBOX_SECRET = "sandbox-only-export-link-secret";

    /** Download links of finished exports, signed over the export's id. */
    @Bean
    SignedLinks exportLinks(ExportProperties properties, DeploymentProperties deployment, Clock clock) {
        return SignedLinks.configured(properties.publicBaseUrl(), properties.linkSecret(), SANDBOX_SECRET,
                "portal.orders.exports.link-secret (PORTAL_ORDERS_EXPORTS_LINK_SECRET)", properties.retention(), clock,
                deployment.environment());
    }

    /**
     * One export at a time per replica, polled every {@code poll-interval}; a failed attempt is tried again after
     * {@code retry-backoff} (then 3 times longer each time, +-20 %), the last of {@code max-attempts} fails it. The lease
     * is renewed as the file is written ({@link ExportJobs#LEASE}); stopping waits 30 s for the export under way.
     */
    @Bean
    DurableWorker<OrderExport> exportWorker(ExportJobs jobs, ExportFiles files, OrderSearch search, OrderCsv csv,
            ExportProperties properties, Clock clock, MeterRegistry meters) {
        return new DurableWorker<>("order-export", new ExportWorker(jobs, files, search, csv, meters),
                new RetrySchedule(properties.maxAttempts(), properties.retryBackoff(), 3.0,
                        properties.retryBackoff().multipliedBy(30)),
                new DurableWorker.Settings(properties.pollInterval(), 1, ExportJobs.LEASE, Duration.ofSeconds(30)),
                clock, meters);
    }

    static String downloadPath(UUID exportId) {
        return "/downloads/order-exports/" + exportId;
    }
}
