package com.partnersportal.settlement;

import com.partnersportal.settlement.testing.SettlementIntegrationTest;
import com.partnersportal.testsupport.ServiceStandardsContract;
import java.util.List;

@SettlementIntegrationTest
class ServiceStandardsIT extends ServiceStandardsContract {

    @Override
    protected List<String> readinessDependencies() {
        return List.of("db", "kafka");
    }
}
