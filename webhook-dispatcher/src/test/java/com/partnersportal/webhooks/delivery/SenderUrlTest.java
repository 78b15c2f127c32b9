package com.partnersportal.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SenderUrlTest {

    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJUYW1hcmEifQ.c2lnbmF0dXJl-_x";

    @Test
    void theTokenIsOneMoreQueryParameterAndTheEndpointsOwnQueryIsKeptAsItIs() throws Exception {
        assertThat(Sender.withToken("https://shop.example/hooks", JWT))
                .hasToString("https://shop.example/hooks?tamaraToken=" + JWT);
        assertThat(Sender.withToken("https://shop.example/hooks?", JWT))
                .hasToString("https://shop.example/hooks?tamaraToken=" + JWT);
        assertThat(Sender.withToken("https://shop.example/hooks?a=b%2Fc&d=", JWT))
                .hasToString("https://shop.example/hooks?a=b%2Fc&d=&tamaraToken=" + JWT);
        assertThat(Sender.withToken("https://shop.example:8443/h?x=1&", JWT).getRawQuery())
                .isEqualTo("x=1&tamaraToken=" + JWT);
    }

    @Test
    void aUrlWithAFragmentKeepsItLast() throws Exception {
        assertThat(Sender.withToken("https://shop.example/hooks?a=b#part", JWT))
                .hasToString("https://shop.example/hooks?a=b&tamaraToken=" + JWT + "#part");
    }
}
