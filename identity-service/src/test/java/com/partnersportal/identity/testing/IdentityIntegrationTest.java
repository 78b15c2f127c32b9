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
 * identity-service running on a random port with a real broker and its own database, in a sandbox: its clock is the
 * production {@link com.partnersportal.kit.time.SandboxClock}, which tests move forward only. All classes with this
 * annotation share one running service: each test makes its own merchants and users and reads the service's times
 * from that clock, never from the system's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceIntegrationTest
@Import(IdentityMother.class)
@TestPropertySource(properties = {
        ServiceClientsForTests.NOTIFICATION_HASH_PROPERTY, ServiceClientsForTests.GATEWAY_HASH_PROPERTY})
public @interface IdentityIntegrationTest {
}
