package com.partnersportal.gateway;

import com.partnersportal.testsupport.ServiceStandardsContract;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;

/**
 * The gateway owns no data, so its readiness covers only the revocation view; its actuator is on the management
 * port (the public port answers liveness and readiness only, EdgeIT).
 */
class ServiceStandardsIT extends ServiceStandardsContract {

    @Value("${local.management.port}")
    int managementPort;

    @Override
    protected int actuatorPort() {
        return managementPort;
    }

    @Override
    protected List<String> readinessDependencies() {
        return List.of("readinessState", "revocations");
    }

    /** /v3/api-docs/&lt;service&gt; are the services' descriptions, served through the gateway. */
    @Override
    protected String apiDocsPath() {
        return "/v3/api-docs/gateway";
    }
}
