package com.partnersportal.gateway;

import com.partnersportal.testsupport.ServiceStandardsContract;
import java.util.List;

/** The gateway owns no data, so its readiness has no database or broker to cover. */
class ServiceStandardsIT extends ServiceStandardsContract {

    @Override
    protected List<String> readinessDependencies() {
        return List.of("readinessState");
    }

    /** /v3/api-docs/&lt;service&gt; are the services' descriptions, served through the gateway. */
    @Override
    protected String apiDocsPath() {
        return "/v3/api-docs/gateway";
    }
}
