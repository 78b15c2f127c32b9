package com.partnersportal.notification.recipients;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks identity-service who is in an audience: {@code GET /internal/merchants/{merchantId}/recipients
 * ?permission=…&legal_entity_id=…} (internal, never routed by the gateway) with notification-service's service token
 * (scope {@code recipients.read}). Each address once.
 */
class IdentityRecipients {

    private final RestClient identity;

    IdentityRecipients(RestClient identity) {
        this.identity = identity;
    }

    /**
     * @throws RecipientsUnavailable if identity-service did not answer (a later call may succeed)
     * @throws IllegalStateException if it refused the question (a 4xx: asking again cannot help)
     */
    List<Recipient> find(Audience audience) {
        Answer answer;
        try {
            answer = identity.get()
                    .uri(uri -> uri.path("/internal/merchants/{merchantId}/recipients")
                            .queryParam("permission", audience.permission().code())
                            .queryParamIfPresent("legal_entity_id", Optional.ofNullable(audience.legalEntityId()))
                            .build(audience.merchantId()))
                    .retrieve()
                    .body(Answer.class);
        } catch (HttpClientErrorException.Unauthorized e) {
            // Our service token was refused (expired in flight, or identity's keys changed): the next try fetches
            // a fresh one, so this is worth retrying.
            throw new RecipientsUnavailable("identity-service refused notification-service's service token: "
                    + e.getMessage(), e);
        } catch (HttpClientErrorException e) {
            throw new IllegalStateException("identity-service refused to name the recipients: " + e.getMessage(), e);
        } catch (RestClientException e) {
            throw new RecipientsUnavailable("identity-service did not name the recipients: " + e.getMessage(), e);
        }
        return answer == null || answer.recipients() == null ? List.of() : onePerAddress(answer.recipients());
    }

    private static List<Recipient> onePerAddress(List<Recipient> recipients) {
        Set<String> seen = new HashSet<>();
        List<Recipient> distinct = new ArrayList<>();
        for (Recipient recipient : recipients) {
            if (recipient.email() != null && !recipient.email().isBlank()
                    && seen.add(recipient.email().strip().toLowerCase(Locale.ROOT))) {
                distinct.add(recipient);
            }
        }
        return distinct;
    }

    record Answer(List<Recipient> recipients) {
    }
}
