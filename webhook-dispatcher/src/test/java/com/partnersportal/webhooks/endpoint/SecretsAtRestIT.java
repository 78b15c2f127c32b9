package com.partnersportal.webhooks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.webhooks.signing.StandardWebhooks;
import com.partnersportal.webhooks.testing.WebhooksApi;
import com.partnersportal.webhooks.testing.WebhooksIntegrationTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Secrets stored by the service's own AES-GCM box before the kit's SecretEncryption still sign what merchants verify. */
@WebhooksIntegrationTest
class SecretsAtRestIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StartupReEncryption reEncryption;
    @Autowired
    EndpointSecrets secrets;

    @Test
    void aSecretStoredInTheOldFormatStillSignsWhatTheMerchantVerifiesAndIsRewrittenBoundToItsEndpoint() throws Exception {
        WebhooksApi api = new WebhooksApi(port);
        UUID merchant = UUID.randomUUID();
        UUID endpoint = api.register(merchant, "https://shop.example.com/tamara/notify", List.of("order_approved"));
        String merchantsSecret = StandardWebhooks.newSecret();
        String merchantsToken = "old-notification-token-" + UUID.randomUUID();
        jdbc.sql("UPDATE endpoint_secret SET secret = :old WHERE endpoint_id = :id")
                .param("old", oldFormat(merchantsSecret)).param("id", endpoint).update();
        jdbc.sql("""
                        INSERT INTO merchant_notification_token (merchant_id, token, created_at) VALUES (:m, :old, now())
                        ON CONFLICT (merchant_id) DO UPDATE SET token = EXCLUDED.token""")
                .param("m", merchant).param("old", oldFormat(merchantsToken)).update();

        assertThat(secrets.current(endpoint)).as("read as it is, before any rewrite").isEqualTo(merchantsSecret);
        reEncryption.run(null);

        byte[] stored = jdbc.sql("SELECT secret FROM endpoint_secret WHERE endpoint_id = :id").param("id", endpoint)
                .query((rs, n) -> rs.getBytes(1)).single();
        assertThat(new String(stored, 0, 3, StandardCharsets.US_ASCII)).isEqualTo("v2:");
        byte[] body = "{\"order_id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
        String header = StandardWebhooks.signatureHeader(secrets.signing(endpoint), "msg_1", 1_700_000_000L, body);
        assertThat(StandardWebhooks.verify(merchantsSecret, "msg_1", 1_700_000_000L, body, header)).isTrue();
        assertThat(api.secret(merchant, endpoint)).isEqualTo(merchantsSecret);
        assertThat(secrets.notificationToken(merchant)).isEqualTo(merchantsToken);
    }

    /** As the service's SecretBox sealed it: {@code v1:} and base64 of IV, ciphertext and tag, under the sandbox key. */
    private static byte[] oldFormat(String plain) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(SecretKeyConfiguration.SANDBOX_KEY),
                "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        return ("v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed)
                .array())).getBytes(StandardCharsets.US_ASCII);
    }
}
