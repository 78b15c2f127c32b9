package com.partnersportal.webhooks.delivery;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Which addresses a delivery may connect to. Refused: loopback, private (RFC 1918, ULA), link-local (including the
 * cloud metadata address 169.254.169.254 and fd00:ec2::254), CGNAT 100.64/10, multicast, unspecified, broadcast,
 * documentation, benchmarking and reserved ranges, and IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4,
 * Teredo) when that address is refused. The allow-list (CIDRs) lets local receivers in for development and tests.
 */
public final class AddressGuard {

    private static final List<Cidr> REFUSED = Arrays.stream(new String[] {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "100::/64", "2001::/32", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10",
            "ff00::/8"}).map(Cidr::parse).toList();

    private final List<Cidr> allowed;

    public AddressGuard(List<String> allowedNetworks) {
        this.allowed = allowedNetworks.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    }

    /** Whether a delivery may connect to this address. */
    public boolean permits(InetAddress address) {
        if (allowed.stream().anyMatch(c -> c.contains(address))) {
            return true;
        }
        InetAddress embedded = embeddedIpv4(address);
        if (embedded != null && !permits(embedded)) {
            return false;
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        return REFUSED.stream().noneMatch(c -> c.contains(address));
    }

    /** The IPv4 address inside an IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) IPv6 address. */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] b = address.getAddress();
        try {
            boolean zeros = true;
            for (int i = 0; i < 10; i++) {
                zeros &= b[i] == 0;
            }
            if (zeros && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
            }
            if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 2, 6));
            }
        } catch (UnknownHostException e) {
            return null;
        }
        return null;
    }

    record Cidr(byte[] network, int bits) {

        static Cidr parse(String text) {
            String[] parts = text.split("/");
            try {
                byte[] address = InetAddress.getByName(parts[0]).getAddress();
                int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : address.length * 8;
                return new Cidr(address, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not an address range (CIDR)", e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }
    }
}
