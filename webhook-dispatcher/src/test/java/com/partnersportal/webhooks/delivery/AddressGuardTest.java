package com.partnersportal.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

    private final AddressGuard production = new AddressGuard(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "239.255.255.250",
            "255.255.255.255", "240.0.0.1", "198.18.0.1", "192.0.0.170",
            "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1",
            "64:ff9b::a00:1", "2002:a00:1::1", "2001:db8::1", "::10.0.0.1"})
    void refusesInternalAddresses(String address) throws UnknownHostException {
        assertThat(production.permits(InetAddress.getByName(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
            "64:ff9b::808:808"})
    void permitsPublicAddresses(String address) throws UnknownHostException {
        assertThat(production.permits(InetAddress.getByName(address))).as(address).isTrue();
    }

    @Test
    void theAllowListLetsLocalReceiversInAndNothingElse() throws UnknownHostException {
        AddressGuard development = new AddressGuard(List.of("127.0.0.1/32", "::1/128"));
        assertThat(development.permits(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(development.permits(InetAddress.getByName("::1"))).isTrue();
        assertThat(development.permits(InetAddress.getByName("127.0.0.2"))).isFalse();
        assertThat(development.permits(InetAddress.getByName("10.0.0.1"))).isFalse();
    }

    @Test
    void aHostNameThatResolvesToAPrivateAddressIsRefusedAfterResolution() throws UnknownHostException {
        Map<String, String[]> dns = Map.of(
                "internal.example.com", new String[] {"10.0.0.1"},
                "mixed.example.com", new String[] {"93.184.215.14", "169.254.169.254"},
                "public.example.com", new String[] {"93.184.215.14"});
        DnsResolver fake = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                String[] answers = dns.get(host);
                if (answers == null) {
                    return new InetAddress[] {InetAddress.getByName(host)};
                }
                InetAddress[] out = new InetAddress[answers.length];
                for (int i = 0; i < answers.length; i++) {
                    out[i] = InetAddress.getByAddress(host, InetAddress.getByName(answers[i]).getAddress());
                }
                return out;
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        GuardedDnsResolver resolver = new GuardedDnsResolver(production, fake);

        assertThatThrownBy(() -> resolver.resolve("internal.example.com"))
                .isInstanceOf(GuardedDnsResolver.AddressRefused.class).hasMessageContaining("10.0.0.1");
        assertThatThrownBy(() -> resolver.resolve("mixed.example.com", 443))
                .isInstanceOf(GuardedDnsResolver.AddressRefused.class).hasMessageContaining("169.254.169.254");
        assertThatThrownBy(() -> resolver.resolve("[::1]")).isInstanceOf(GuardedDnsResolver.AddressRefused.class);
        assertThatThrownBy(() -> resolver.resolve("10.1.2.3")).isInstanceOf(GuardedDnsResolver.AddressRefused.class);
        assertThat(resolver.resolve("public.example.com", 443)).hasSize(1)
                .allMatch(a -> a.getAddress().getHostAddress().equals("93.184.215.14") && a.getPort() == 443);
    }
}
