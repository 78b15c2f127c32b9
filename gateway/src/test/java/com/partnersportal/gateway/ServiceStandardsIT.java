package com.partnersportal.gateway;

import com.partnersportal.testsupport.ServiceStandardsContract;
import java.util.List;

/** The gateway owns no data, so its readiness has no database or broker to cover. */
class ServiceStandardsIT extends ServiceStandardsContract {

    @Override
    protected List<String> readinessDependencies() {
        return List.of("readinessState");
    }
}
