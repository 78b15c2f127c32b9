package com.partnersportal.identity.testing;

import com.partnersportal.testsupport.ServiceIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * identity-service running on a random port with a real broker and its own database, and a clock tests can move
 * ({@link MutableClock}). All classes with this annotation share one running service: each test makes its own
 * merchants and users, and puts the clock back when it moved it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceIntegrationTest
@Import({MutableClock.Configuration.class, IdentityMother.class})
@TestPropertySource(properties = {
        ServiceClientsForTests.NOTIFICATION_HASH_PROPERTY, ServiceClientsForTests.GATEWAY_HASH_PROPERTY})
public @interface IdentityIT {
}
