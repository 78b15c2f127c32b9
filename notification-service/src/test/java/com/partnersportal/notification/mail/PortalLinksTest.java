package com.partnersportal.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class PortalLinksTest {

    @Test
    void linksPointAtTheConfiguredPortalWithTheToken() {
        PortalLinks links = new PortalLinks(new MailProperties("https://partners.example.com", null, null));

        assertThat(links.activation("abc_DEF-123")).isEqualTo("https://partners.example.com/activate?token=abc_DEF-123");
        assertThat(links.passwordReset("abc")).isEqualTo("https://partners.example.com/reset-password?token=abc");
    }

    @Test
    void aWebhookEndpointsPageNamesTheEndpoint() {
        PortalLinks links = new PortalLinks(new MailProperties("https://partners.example.com", null, null));

        assertThat(links.webhookEndpoint(UUID.fromString("8d0f4f1e-3c1a-4a59-9d55-0b8f0f3f6a11")))
                .isEqualTo("https://partners.example.com/webhooks/endpoints/8d0f4f1e-3c1a-4a59-9d55-0b8f0f3f6a11");
    }

    @Test
    void thePortalMayLiveUnderAPathAndEndWithASlash() {
        PortalLinks links = new PortalLinks(new MailProperties("https://example.com/portal/", null, null));

        assertThat(links.activation("abc")).isEqualTo("https://example.com/portal/activate?token=abc");
    }

    @Test
    void tokensAreEncodedSoTheyCannotBreakOutOfTheLink() {
        PortalLinks links = new PortalLinks(new MailProperties(null, null, null));

        assertThat(links.activation("a+b/c=&x=\"><script>"))
                .isEqualTo("http://127.0.0.1:8080/activate?token=a%2Bb%2Fc%3D%26x%3D%22%3E%3Cscript%3E");
    }

    @Test
    void aLinkNeedsAToken() {
        PortalLinks links = new PortalLinks(new MailProperties(null, null, null));

        assertThatThrownBy(() -> links.activation(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPortalAddressThatIsNotAWebAddressStopsTheStart() {
        assertThatThrownBy(() -> new MailProperties("javascript:alert(1)", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("portal-url");
        assertThatThrownBy(() -> new MailProperties(null, "not a mail address", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from");
    }
}
