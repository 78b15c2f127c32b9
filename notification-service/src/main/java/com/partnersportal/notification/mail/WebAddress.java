package com.partnersportal.notification.mail;

import java.net.URI;

/** Links that events hand to mails (download links, webhook URLs shown as a link): web pages only. */
public final class WebAddress {

    private WebAddress() {
    }

    /**
     * The address itself if it leads to a web page, never to a {@code javascript:} or {@code data:} address.
     *
     * @param what names the address in the error, e.g. "the export's download_url"
     * @throws IllegalArgumentException if it is not an http(s) address with a host
     */
    public static String require(String url, String what) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(what + " is not an address", e);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(what + " is not an http(s) address");
        }
        return url;
    }
}
