package com.partnersportal.notification.testing;

import com.partnersportal.testsupport.AccessTokens;
import com.partnersportal.testsupport.RealInfrastructure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every integration test of this module the same running service (so that one consumer group member reads
 * the topics): mail goes to {@link MailServer}, recipients come from {@link IdentityService}, delivery retries
 * quickly, links point at {@link #PORTAL_URL}, and
 * access tokens from {@link AccessTokens} are trusted. Registered in META-INF/spring.factories.
 */
public class NotificationTestContextCustomizerFactory implements ContextCustomizerFactory {

    public static final String PORTAL_URL = "https://portal.partners.test";
    public static final int MAX_ATTEMPTS = 5;

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        boolean wanted = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(RealInfrastructure.class);
        return wanted ? new Customizer() : null;
    }

    /** Equal to every other instance, so test classes keep sharing one context. */
    static final class Customizer implements ContextCustomizer {

        private static final List<String> TEST_OWN_PROPERTIES = List.of("Inlined Test Properties", "Dynamic Test Properties");

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            MailServer.start();
            IdentityService.start();
            Map<String, Object> properties = new HashMap<>(Map.of(
                    "spring.mail.host", MailServer.HOST,
                    "spring.mail.port", MailServer.PORT,
                    "portal.notification.portal-url", PORTAL_URL,
                    "portal.notification.delivery.poll-interval", "100ms",
                    "portal.notification.delivery.initial-backoff", "300ms",
                    "portal.notification.delivery.multiplier", "2",
                    "portal.notification.delivery.max-backoff", "2s",
                    "portal.notification.delivery.max-attempts", MAX_ATTEMPTS,
                    "portal.services.identity-url", IdentityService.baseUrl(),
                    "portal.service-client.secret", IdentityService.CLIENT_SECRET));
            for (String name : TEST_OWN_PROPERTIES) {
                PropertySource<?> own = context.getEnvironment().getPropertySources().get(name);
                if (own != null) {
                    properties.keySet().removeIf(own::containsProperty);
                }
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("notificationTests", properties));
            context.getBeanFactory().registerSingleton("accessTokenKeys", AccessTokens.keys());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
