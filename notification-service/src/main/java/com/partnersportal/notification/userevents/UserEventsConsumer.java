package com.partnersportal.notification.userevents;

import com.partnersportal.identity.contract.PasswordResetRequested;
import com.partnersportal.identity.contract.SecondFactorChanged;
import com.partnersportal.identity.contract.UserInvited;
import com.partnersportal.kit.inbox.EventInbox;
import com.partnersportal.kit.inbox.EventRoutes;
import com.partnersportal.notification.delivery.Notifications;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code userEvents} binding ({@code identity.user-events.v1}): invitations, re-issued activation links,
 * password resets and changes of a user's second factor become mails. Other user events (activated, role changed, ...) are recorded and skipped.
 */
@Configuration(proxyBeanMethods = false)
class UserEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> userEvents(EventInbox inbox, UserMails mails, Notifications notifications) {
        return inbox.consumer(EventRoutes.builder()
                .onEvent(UserInvited.TYPE, UserInvited.class,
                        (invited, event) -> notifications.record(mails.activation(invited), event))
                .onEvent(PasswordResetRequested.TYPE, PasswordResetRequested.class,
                        (reset, event) -> notifications.record(mails.passwordReset(reset), event))
                .onEvent(SecondFactorChanged.TYPE, SecondFactorChanged.class,
                        (changed, event) -> notifications.record(mails.secondFactorChanged(changed), event))
                .build());
    }
}
