package com.partnersportal.kit.apidocs;

import com.partnersportal.kit.caller.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The service's OpenAPI description: named after the service, every operation behind a bearer token (a portal
 * access token or a merchant API token), and the {@link Caller} parameter left out, since it comes from the token.
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
public class ApiDocsAutoConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(@Value("${spring.application.name}") String service) {
        return new OpenAPI()
                .info(new Info().title("Partners Portal: " + service).version("v1")
                        .description("JSON in snake_case; money as {\"amount\": 300.00, \"currency\": \"SAR\"}; "
                                + "errors as RFC 9457 problem details with an errors[].error_code."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("A portal access token (JWT) or a merchant API token")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
