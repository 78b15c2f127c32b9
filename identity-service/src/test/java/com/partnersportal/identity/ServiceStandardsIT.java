package com.partnersportal.identity;

import com.partnersportal.identity.testing.IdentityMother;
import com.partnersportal.testsupport.ServiceStandardsContract;
import java.util.List;
import org.springframework.context.annotation.Import;

/** Shares the running service of the {@code @IdentityIntegrationTest} tests (same configuration). */
@Import(IdentityMother.class)
class ServiceStandardsIT extends ServiceStandardsContract {

    @Override
    protected List<String> readinessDependencies() {
        return List.of("db", "kafka");
    }
}
