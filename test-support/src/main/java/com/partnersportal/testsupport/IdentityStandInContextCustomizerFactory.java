package com.partnersportal.testsupport;

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

/** Wires {@link IdentityStandIn.Used} into Spring's test context: registered in META-INF/spring.factories. */
public class IdentityStandInContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        boolean wanted = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(IdentityStandIn.Used.class);
        return wanted ? new StandInCustomizer() : null;
    }

    /** Equal to every other instance, so test classes with the same configuration share one context. */
    static final class StandInCustomizer implements ContextCustomizer {

        private static final List<String> TEST_OWN_PROPERTIES = List.of("Inlined Test Properties", "Dynamic Test Properties");

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Map<String, Object> properties = new HashMap<>(Map.of(
                    "portal.services.identity-url", IdentityStandIn.baseUrl(),
                    "portal.service-client.secret", IdentityStandIn.CLIENT_SECRET));
            for (String name : TEST_OWN_PROPERTIES) {
                PropertySource<?> own = context.getEnvironment().getPropertySources().get(name);
                if (own != null) {
                    properties.keySet().removeIf(own::containsProperty);
                }
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("identityStandIn", properties));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StandInCustomizer;
        }

        @Override
        public int hashCode() {
            return StandInCustomizer.class.hashCode();
        }
    }
}
