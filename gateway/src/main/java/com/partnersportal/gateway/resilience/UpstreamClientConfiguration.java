package com.partnersportal.gateway.resilience;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;

/** The proxy's request factory: the configured client, with each route's time limit as its read timeout. */
@Configuration(proxyBeanMethods = false)
class UpstreamClientConfiguration {

    @Bean
    ClientHttpRequestFactory upstreamRequestFactory(ClientHttpRequestFactoryBuilder<?> builder, HttpClientSettings settings) {
        return new UpstreamTimeouts(builder, settings);
    }
}
