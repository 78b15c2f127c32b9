package com.partnersportal.settlement;

import com.partnersportal.testsupport.ServiceStandardsContract;
import java.util.List;

class ServiceStandardsIT extends ServiceStandardsContract {

    @Override
    protected List<String> readinessDependencies() {
        return List.of("db", "kafka");
    }
}
