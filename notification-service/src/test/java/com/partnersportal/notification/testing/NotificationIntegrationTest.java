package com.partnersportal.notification.testing;

import com.partnersportal.testsupport.ServiceIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * notification-service running for real (broker, database), with the mail server, identity stand-in and quick retries
 * that {@link NotificationTestContextCustomizerFactory} gives every test context of this service.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceIntegrationTest
public @interface NotificationIntegrationTest {
}
