package com.partnersportal.kit.servicecall;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The replicas of a service this one calls, from a comma-separated list of base URLs
 * ({@code PORTAL_SERVICES_IDENTITY_URL=http://127.0.0.1:8081,http://127.0.0.1:8181}): each request goes to the next
 * replica in turn, and when a replica cannot be reached (refused, reset, timed out) to the one after it, so a killed
 * replica costs no call. Only for calls that are safe to repeat, as every call to identity-service's internal routes
 * is (introspection, recipients, service tokens, keys). As a {@link ClientHttpRequestInterceptor} it must be a
 * client's last one: it runs the rest of the chain once per replica it tries.
 */
public final class ServiceReplicas implements ClientHttpRequestInterceptor {

    private final List<URI> bases;
    private final AtomicInteger next = new AtomicInteger();

    public ServiceReplicas(List<URI> bases) {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("at least one replica's address is needed");
        }
        this.bases = List.copyOf(bases);
    }

    /** {@code http://a:8081,http://b:8181}; blanks around the commas are ignored. */
    public static ServiceReplicas parse(String commaSeparated) {
        return new ServiceReplicas(Arrays.stream(commaSeparated.split(",")).map(String::strip)
                .filter(address -> !address.isEmpty()).map(address -> URI.create(address.replaceAll("/+$", ""))).toList());
    }

    public List<URI> all() {
        return bases;
    }

    /** The address clients are built with; every request is moved to the replica whose turn it is. */
    public String first() {
        return bases.getFirst().toString();
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        return inTurn(base -> execution.execute(new Moved(request, on(base, request.getURI())), body));
    }

    /** Keys and other plain GETs for Nimbus (identity's JWKS), with the same turns and failover. */
    public ResourceRetriever retriever(int connectTimeoutMillis, int readTimeoutMillis, int sizeLimitBytes) {
        DefaultResourceRetriever plain = new DefaultResourceRetriever(connectTimeoutMillis, readTimeoutMillis, sizeLimitBytes);
        return url -> inTurn(base -> plain.retrieveResource(on(base, toUri(url)).toURL()));
    }

    private <T> T inTurn(Attempt<T> attempt) throws IOException {
        int start = Math.floorMod(next.getAndIncrement(), bases.size());
        IOException failure = null;
        for (int i = 0; i < bases.size(); i++) {
            try {
                return attempt.on(bases.get((start + i) % bases.size()));
            } catch (IOException e) {
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                failure = e;
            }
        }
        throw failure;
    }

    private static URI on(URI base, URI target) {
        return UriComponentsBuilder.fromUri(target).scheme(base.getScheme()).host(base.getHost()).port(base.getPort())
                .build(true).toUri();
    }

    private static URI toUri(URL url) throws IOException {
        try {
            return url.toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T on(URI base) throws IOException;
    }

    private static final class Moved extends HttpRequestWrapper {

        private final URI uri;

        Moved(HttpRequest request, URI uri) {
            super(request);
            this.uri = uri;
        }

        @Override
        public URI getURI() {
            return uri;
        }
    }

    @Override
    public String toString() {
        return bases.toString();
    }

}
