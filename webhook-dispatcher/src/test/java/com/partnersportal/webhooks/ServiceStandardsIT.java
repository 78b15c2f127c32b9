package com.partnersportal.webhooks;

import com.partnersportal.testsupport.ServiceStandardsContract;
import com.partnersportal.webhooks.testing.WebhooksIntegrationTest;
import java.util.List;

@WebhooksIntegrationTest
class ServiceStandardsIT extends ServiceStandardsContract {

    @Override
    protected List<String> readinessDependencies() {
        return List.of("db", "kafka");
    }
}
