package com.partnersportal.webhooks.delivery;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The HTTP client's only way from a host name to addresses: it resolves (IP literals included), and refuses the
 * connection unless every address is permitted. The client connects to exactly the addresses returned here, so
 * what was checked is what is connected to: a name that resolves to 10.0.0.1, or that rebinds between a check and
 * the connection, cannot slip through. TLS still verifies the certificate against the host name (and sends it as SNI).
 */
final class GuardedDnsResolver implements DnsResolver {

    private final AddressGuard guard;
    private final DnsResolver system;

    GuardedDnsResolver(AddressGuard guard) {
        this(guard, SystemDefaultDnsResolver.INSTANCE);
    }

    GuardedDnsResolver(AddressGuard guard, DnsResolver system) {
        this.guard = guard;
        this.system = system;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = system.resolve(bare);
        for (InetAddress address : addresses) {
            if (!guard.permits(address)) {
                throw new AddressRefused(host, address);
            }
        }
        return addresses;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return system.resolveCanonicalHostname(host);
    }

    /** A delivery refused because the host is, or resolves to, an address deliveries may not reach. */
    static final class AddressRefused extends UnknownHostException {
        AddressRefused(String host, InetAddress address) {
            super("refused: " + host + " resolves to " + address.getHostAddress()
                    + ", a private, loopback, link-local or otherwise internal address");
        }
    }
}
