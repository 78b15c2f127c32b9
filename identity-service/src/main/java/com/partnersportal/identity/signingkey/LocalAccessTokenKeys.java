package com.partnersportal.identity.signingkey;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * identity verifies its own access tokens against its own key store instead of fetching its JWKS over HTTP:
 * service-kit's {@code CallerAutoConfiguration} uses this source because it backs off when one exists.
 */
@Configuration(proxyBeanMethods = false)
class LocalAccessTokenKeys {

    @Bean
    JWKSource<SecurityContext> accessTokenKeys(SigningKeys keys) {
        return (JWKSelector selector, SecurityContext context) -> {
            String kid = selector.getMatcher().getKeyIDs() == null || selector.getMatcher().getKeyIDs().isEmpty()
                    ? null : selector.getMatcher().getKeyIDs().iterator().next();
            List<JWK> published = keys.publishedIncluding(kid);
            return selector.select(new JWKSet(published));
        };
    }
}
