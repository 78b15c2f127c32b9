package com.partnersportal.kit.http;

import java.net.http.HttpClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * How services call each other (and the gateway calls the services): plain HTTP/1.1. The JDK client's
 * default cleartext HTTP/2 upgrade is reset by some servers mid-request, and the services speak
 * HTTP/1.1 anyway.
 */
@AutoConfiguration
public class Http11ClientAutoConfiguration {

    @Bean
    ClientHttpRequestFactoryBuilderCustomizer<JdkClientHttpRequestFactoryBuilder> http11BetweenServices() {
        return builder -> builder.withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1));
    }
}
