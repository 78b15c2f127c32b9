package com.partnersportal.identity.contract;

import com.partnersportal.contracttest.ContractSamplesContract;
import java.util.List;
import java.util.Map;

class IdentityContractSamplesTest extends ContractSamplesContract {

    @Override
    protected List<String> topics() {
        return List.of(IdentityTopics.USER_EVENTS, IdentityTopics.MERCHANT_EVENTS);
    }

    @Override
    protected Map<String, Class<?>> eventTypes() {
        return Map.ofEntries(
                Map.entry(UserInvited.TYPE, UserInvited.class),
                Map.entry(PasswordResetRequested.TYPE, PasswordResetRequested.class),
                Map.entry(SecondFactorChanged.TYPE, SecondFactorChanged.class),
                Map.entry(MerchantRegistered.TYPE, MerchantRegistered.class),
                Map.entry(LegalEntityRegistered.TYPE, LegalEntityRegistered.class),
                Map.entry(UserAccessRevoked.TYPE, UserAccessRevoked.class),
                Map.entry(ApiTokenRevoked.TYPE, ApiTokenRevoked.class));
    }
}
