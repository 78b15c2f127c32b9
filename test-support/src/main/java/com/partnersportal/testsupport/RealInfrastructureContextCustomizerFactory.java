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

/** Wires {@link RealInfrastructure} into Spring's test context: registered in META-INF/spring.factories. */
public class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        boolean wanted = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(RealInfrastructure.class);
        return wanted ? new RealInfrastructureCustomizer() : null;
    }

    /** Equal to every other instance, so test classes with the same configuration share one context. */
    static final class RealInfrastructureCustomizer implements ContextCustomizer {

        private static final List<String> TEST_OWN_PROPERTIES = List.of("Inlined Test Properties", "Dynamic Test Properties");

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            String brokers = TestInfrastructure.kafka().bootstrapServers();
            Databases.Database database = TestInfrastructure.databases().create();
            Map<String, Object> properties = new HashMap<>(Map.of(
                    "spring.datasource.url", database.url(),
                    "spring.datasource.username", database.user(),
                    "spring.datasource.password", database.password(),
                    "spring.kafka.bootstrap-servers", brokers,
                    "spring.cloud.stream.kafka.binder.brokers", brokers));
            // A test that names its own broker or database (@SpringBootTest properties, @DynamicPropertySource) keeps it.
            for (String name : TEST_OWN_PROPERTIES) {
                PropertySource<?> own = context.getEnvironment().getPropertySources().get(name);
                if (own != null) {
                    properties.keySet().removeIf(own::containsProperty);
                }
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("realInfrastructure", properties));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RealInfrastructureCustomizer;
        }

        @Override
        public int hashCode() {
            return RealInfrastructureCustomizer.class.hashCode();
        }
    }
}
