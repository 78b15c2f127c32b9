package com.partnersportal.identity.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.identity.sign-in.*}: how guessing is slowed down and stopped.
 *
 * @param window                failures are counted over this long (per account: since its last success)
 * @param lockout               how long an account or address stays locked after its last counted failure
 * @param maxFailuresPerAccount failures on one email within the window that lock it
 * @param maxFailuresPerAddress failures from one client address within the window that lock it
 * @param slowDownAfter         from this many failures on an account on, each attempt waits before answering
 * @param slowDownStep          the wait grows by this much per further failure (at most 2 s)
 */
@ConfigurationProperties("portal.identity.sign-in")
record SignInProperties(Duration window, Duration lockout, Integer maxFailuresPerAccount,
        Integer maxFailuresPerAddress, Integer slowDownAfter, Duration slowDownStep) {

    SignInProperties {
        window = window == null ? Duration.ofMinutes(15) : window;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
        maxFailuresPerAccount = maxFailuresPerAccount == null ? 5 : maxFailuresPerAccount;
        maxFailuresPerAddress = maxFailuresPerAddress == null ? 20 : maxFailuresPerAddress;
        slowDownAfter = slowDownAfter == null ? 3 : slowDownAfter;
        slowDownStep = slowDownStep == null ? Duration.ofMillis(250) : slowDownStep;
    }
}
