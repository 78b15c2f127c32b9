package com.partnersportal.identity.secondfactor;

import com.partnersportal.identity.contract.IdentityTopics;
import com.partnersportal.identity.contract.SecondFactorChanged;
import com.partnersportal.identity.user.User;
import com.partnersportal.identity.web.ClientAddress;
import com.partnersportal.kit.outbox.Outbox;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Announces a change of a user's second factor on the user-events topic, in the change's transaction. */
@Component
class SecondFactorEvents {

    private final Outbox outbox;
    private final Clock clock;

    SecondFactorEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void changed(User user, String change, String changedBy, int recoveryCodesRemaining) {
        outbox.append(IdentityTopics.USER_EVENTS, user.id().toString(), SecondFactorChanged.TYPE, user.id().toString(),
                new SecondFactorChanged(user.id(), user.merchantId(), user.email(), user.fullName(), user.locale(),
                        change, changedBy, recoveryCodesRemaining, ClientAddress.current(), clock.instant()));
    }
}
