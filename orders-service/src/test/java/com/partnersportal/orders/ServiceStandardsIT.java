package com.partnersportal.orders;

import com.partnersportal.testsupport.ServiceStandardsContract;
import com.partnersportal.testsupport.TestAccessTokens;
import java.util.List;
import org.springframework.context.annotation.Import;

/** Shares the context of the other orders ITs (same configuration), so one set of consumers runs. */
@Import(TestAccessTokens.Keys.class)
class ServiceStandardsIT extends ServiceStandardsContract {

    @Override
    protected List<String> readinessDependencies() {
        return List.of("db", "kafka");
    }
}
