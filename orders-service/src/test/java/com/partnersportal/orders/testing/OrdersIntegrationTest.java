package com.partnersportal.orders.testing;

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
 * orders-service running for real (broker, database), trusting the test key for portal access tokens and service
 * tokens, asking identity's stand-in about merchant API tokens.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceIntegrationTest
@Import(TestAccessTokens.Keys.class)
@IdentityStandIn.Used
public @interface OrdersIntegrationTest {
}
