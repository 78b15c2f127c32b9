package com.partnersportal.bench.baremvc;

import java.net.http.HttpClient;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The gateway's framework with nothing of ours: one route (application.yml) proxied by Spring Cloud Gateway Server
 * MVC on virtual threads with the JDK client pinned to HTTP/1.1, as the gateway's. What it costs per request is the
 * floor under the gateway's filters (bench/gateway-overhead.sh, FLAVOURS=1).
 */
@SpringBootApplication
public class BareMvcGateway {

    public static void main(String[] args) {
        SpringApplication.run(BareMvcGateway.class, args);
    }

    @Bean
    ClientHttpRequestFactoryBuilderCustomizer<JdkClientHttpRequestFactoryBuilder> http11() {
        return builder -> builder.withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1));
    }
}
