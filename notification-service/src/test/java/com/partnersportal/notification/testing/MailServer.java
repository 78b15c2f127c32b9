package com.partnersportal.notification.testing;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * The SMTP server the service under test sends to: a real GreenMail server in the test JVM, on a port chosen once,
 * so a test can stop it (an outage: connections are refused) and start it again on the same address.
 */
public final class MailServer {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = freePort();

    private static GreenMail server;

    private MailServer() {
    }

    public static synchronized void start() {
        if (server == null || !server.isRunning()) {
            server = new GreenMail(new ServerSetup(PORT, HOST, ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            server.start();
        }
    }

    public static synchronized void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The mails delivered to this address so far (mailboxes are lost when the server is stopped). */
    public static synchronized List<ReceivedMail> mailsTo(String address) {
        if (server == null || !server.isRunning()) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessagesForDomain(address))
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .map(ReceivedMail::new).toList();
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(MailServer::stop, "test-mail-server-stop"));
    }
}
