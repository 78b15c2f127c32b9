package com.partnersportal.notification.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

/** Waits for what {@link MailServer} receives. */
public final class Mailbox {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private Mailbox() {
    }

    /** The one mail to this address, once it has arrived; fails if a second one came with it. */
    public static ReceivedMail awaitOneMailTo(String address) {
        List<ReceivedMail> mails = await().atMost(PATIENCE).until(() -> MailServer.mailsTo(address), list -> !list.isEmpty());
        assertThat(mails).hasSize(1);
        return mails.getFirst();
    }
}
