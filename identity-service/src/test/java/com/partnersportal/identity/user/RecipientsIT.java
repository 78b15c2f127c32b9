package com.partnersportal.identity.user;

import com.partnersportal.identity.testing.ServiceClientsForTests;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.testing.IdentityIntegrationTest;
import com.partnersportal.identity.testing.IdentityMother;
import com.partnersportal.identity.testing.IdentityMother.MerchantFixture;
import com.partnersportal.identity.testing.IdentityMother.Member;
import com.partnersportal.identity.testing.Portal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** notification-service asks who should hear of a settlement report or a disabled webhook endpoint. */
@IdentityIntegrationTest
class RecipientsIT {

    @Autowired
    IdentityMother mother;

    @Test
    void theActiveUsersWhoseRoleGrantsThePermissionAndWhoSeeTheEntity() {
        MerchantFixture merchant = mother.merchant();
        Member finance = mother.member(merchant, "finance");
        Member developer = mother.member(merchant, "developer");
        mother.member(mother.merchant(), "finance");
        Portal portal = mother.portal();
        String service = ServiceClientsForTests.token(mother.port(), ServiceClientsForTests.NOTIFICATION,
                ServiceClientsForTests.NOTIFICATION_SECRET);

        List<String> settlementReaders = emails(portal.get("/internal/merchants/" + merchant.id()
                + "/recipients?permission=settlements.view&legal_entity_id=" + merchant.ksaEntity(), service));
        assertThat(settlementReaders).containsExactlyInAnyOrder(merchant.admin().email(), finance.email());

        List<String> webhookManagers = emails(portal.get("/internal/merchants/" + merchant.id()
                + "/recipients?permission=webhooks.manage", service));
        assertThat(webhookManagers).containsExactlyInAnyOrder(merchant.admin().email(), developer.email());

        assertThat(portal.get("/internal/merchants/" + merchant.id() + "/recipients?permission=everything", service).status())
                .isEqualTo(400);
    }

    private static List<String> emails(Portal.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> emails = new ArrayList<>();
        reply.json().get("recipients").forEach(recipient -> emails.add(recipient.get("email").asString()));
        return emails;
    }
}
