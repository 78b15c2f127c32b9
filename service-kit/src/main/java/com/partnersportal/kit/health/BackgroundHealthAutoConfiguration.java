package com.partnersportal.kit.health;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Puts the checks of the service's dependencies (database, broker, Redis) behind
 * {@link BackgroundHealthIndicator}s: readiness answers within milliseconds whatever is down, and says
 * 503 as soon as a background check has found a dependency down.
 */
@AutoConfiguration
public class BackgroundHealthAutoConfiguration {

    @Bean
    static BeanPostProcessor backgroundHealthChecks(Environment environment) {
        return new BackgroundHealthChecks(environment);
    }

    static final class BackgroundHealthChecks implements BeanPostProcessor, AutoCloseable {

        private final Environment environment;
        private BackgroundHealthProperties properties;
        private ScheduledExecutorService scheduler;

        BackgroundHealthChecks(Environment environment) {
            this.environment = environment;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (!(bean instanceof HealthIndicator indicator) || bean instanceof BackgroundHealthIndicator) {
                return bean;
            }
            String name = contributorName(beanName);
            if (!properties().indicators().contains(name)) {
                return bean;
            }
            BackgroundHealthIndicator background = new BackgroundHealthIndicator(name, indicator, properties(), scheduler());
            background.start();
            return background;
        }

        private static String contributorName(String beanName) {
            for (String suffix : new String[] {"HealthIndicator", "HealthContributor"}) {
                if (beanName.endsWith(suffix) && beanName.length() > suffix.length()) {
                    return beanName.substring(0, beanName.length() - suffix.length());
                }
            }
            return beanName;
        }

        private synchronized BackgroundHealthProperties properties() {
            if (properties == null) {
                properties = Binder.get(environment).bindOrCreate("portal.health.background", BackgroundHealthProperties.class);
            }
            return properties;
        }

        private synchronized ScheduledExecutorService scheduler() {
            if (scheduler == null) {
                scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("health-checks").factory());
            }
            return scheduler;
        }

        @Override
        public synchronized void close() {
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
        }
    }
}
