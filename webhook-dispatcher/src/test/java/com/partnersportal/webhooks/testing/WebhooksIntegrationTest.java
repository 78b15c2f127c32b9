package com.partnersportal.webhooks.testing;

import com.partnersportal.testsupport.IdentityStandIn;
import com.partnersportal.testsupport.ServiceIntegrationTest;
import com.partnersportal.testsupport.TestAccessTokens;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * webhook-dispatcher running for real (broker, database), trusting the test key for access tokens and asking
 * identity's stand-in about merchant API tokens. Every IT of the
 * module uses exactly this, so they share one running service: two would split the consumer group's partitions.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceIntegrationTest
@Import(TestAccessTokens.Keys.class)
@IdentityStandIn.Used
public @interface WebhooksIntegrationTest {
}
