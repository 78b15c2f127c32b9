package com.partnersportal.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service clients' secrets of one local run (ADR 22): fresh random ones at every start, written to
 * {@code .run/service-clients.json} (owner-only) for the sandbox's own tools. Each service gets its own secret as
 * {@code PORTAL_SERVICE_CLIENT_SECRET}; identity-service gets only their SHA-256 hashes.
 */
final class ServiceClientSecrets {

    /** The sandbox's tooling (demo traffic, benchmarks, browser tests): checkout decisions and sandbox clocks. */
    static final String SANDBOX_TOOLS = "sandbox-tools";

    /** Client id by service, and the name identity's configuration gives the client's hash variable. */
    private static final Map<String, String> HASH_VARIABLES = Map.of(
            "gateway", "PORTAL_SERVICE_CLIENTS_GATEWAY_SECRET_SHA256",
            "orders-service", "PORTAL_SERVICE_CLIENTS_ORDERS_SECRET_SHA256",
            "settlement-service", "PORTAL_SERVICE_CLIENTS_SETTLEMENT_SECRET_SHA256",
            "webhook-dispatcher", "PORTAL_SERVICE_CLIENTS_WEBHOOKS_SECRET_SHA256",
            "notification-service", "PORTAL_SERVICE_CLIENTS_NOTIFICATION_SECRET_SHA256",
            SANDBOX_TOOLS, "PORTAL_SERVICE_CLIENTS_SANDBOX_TOOLS_SECRET_SHA256");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> secrets;

    private ServiceClientSecrets(Map<String, String> secrets) {
        this.secrets = Map.copyOf(secrets);
    }

    static Path file(RunDirectory run) {
        return run.root().resolve("service-clients.json");
    }

    /** New secrets for every client, saved for this run's tools. */
    static ServiceClientSecrets generate(RunDirectory run) {
        Map<String, String> secrets = new LinkedHashMap<>();
        HASH_VARIABLES.keySet().stream().sorted().forEach(client -> {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            secrets.put(client, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        });
        try {
            Path file = file(run);
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(secrets));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceClientSecrets(secrets);
    }

    /** This run's secrets, as {@link #generate} saved them. */
    static ServiceClientSecrets load(RunDirectory run) {
        try {
            JsonNode saved = JSON.readTree(Files.readString(file(run)));
            Map<String, String> secrets = new LinkedHashMap<>();
            saved.properties().forEach(entry -> secrets.put(entry.getKey(), entry.getValue().asString()));
            return new ServiceClientSecrets(secrets);
        } catch (IOException e) {
            throw new UncheckedIOException("No service client secrets at " + file(run) + ": start the platform first", e);
        }
    }

    /** The variables that give a service its credentials, and identity-service every client's hash. */
    Map<String, String> environmentOf(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        if (secrets.containsKey(service)) {
            env.put("PORTAL_SERVICE_CLIENT_SECRET", secrets.get(service));
        }
        if (service.equals("identity-service")) {
            HASH_VARIABLES.forEach((client, variable) -> env.put(variable, sha256(secrets.get(client))));
        }
        return env;
    }

    String secretOf(String client) {
        return secrets.get(client);
    }

    /** A service token for the sandbox's tooling, from identity-service's client-credentials grant. */
    String sandboxToolsToken(URI identity) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((SANDBOX_TOOLS + ":" + secrets.get(SANDBOX_TOOLS))
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                HttpRequest.newBuilder(identity.resolve("/oauth2/token")).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("identity-service refused the sandbox tools' credentials: " + response.statusCode()
                    + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
