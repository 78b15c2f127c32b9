package com.partnersportal.gateway.testing;

import com.partnersportal.testsupport.ServiceIntegrationTest;
import com.partnersportal.testsupport.TestAccessTokens;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The gateway in front of real HTTP receivers ({@link GatewayStandIns}): one WireMock stands in for identity, orders,
 * settlement and webhooks; notification-service's address has nothing listening, as if it were down. Access tokens
 * are signed with the test key, which the gateway trusts in place of identity's JWKS. Tests call the gateway through
 * {@link GatewayClient}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceIntegrationTest
@ContextConfiguration(initializers = GatewayStandIns.class)
@Import({TestAccessTokens.Keys.class, GatewayClient.class})
@ExtendWith(GatewayStandIns.class)
// Every test calls from 127.0.0.1: the address limits stay out of the way unless a test lowers them.
@TestPropertySource(properties = {"management.server.port=0", "portal.gateway.rate-limits.per-address=1000000",
        "portal.gateway.rate-limits.sign-in-per-address=1000000"})
public @interface GatewayIntegrationTest {
}
