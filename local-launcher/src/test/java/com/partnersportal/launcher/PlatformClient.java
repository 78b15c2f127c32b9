package com.partnersportal.launcher;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The running local platform as its users meet it: the gateway's HTTP API and the mail catcher's inboxes. */
final class PlatformClient {

    static final String GATEWAY = "http://127.0.0.1:8080";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

    record Answer(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** A one-item Saudi checkout of 300.00 SAR, as a merchant system sends it. */
    static String checkoutBody(String reference) {
        return """
                {"order_reference_id": "%s", "total_amount": {"amount": 300.00, "currency": "SAR"},
                 "country_code": "SA",
                 "items": [{"reference_id": "1", "type": "Physical", "name": "Lamp", "sku": "L-1", "quantity": 1,
                            "total_amount": {"amount": 300.00, "currency": "SAR"}}],
                 "consumer": {"first_name": "Noura", "last_name": "Al-Harbi", "phone_number": "+966500000001",
                              "email": "noura@example.com"},
                 "shipping_address": {"first_name": "Noura", "last_name": "Al-Harbi", "line1": "King Fahd Rd",
                                      "city": "Riyadh", "country_code": "SA"}}""".formatted(reference);
    }

    static Answer call(String method, String url, String bearer, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : GATEWAY + url))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** A bodiless request with these headers and no credentials of ours. */
    static Answer callWith(String method, String url, java.util.Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    static HttpResponse<byte[]> download(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Signs in through the gateway and returns the access token. */
    static String signIn(String email, String password) throws Exception {
        Answer answer = call("POST", "/auth/v1/sign-in", null,
                JSON.writeValueAsString(java.util.Map.of("email", email, "password", password)));
        if (answer.status() != 200) {
            throw new AssertionError("sign-in of " + email + " failed: " + answer);
        }
        return answer.json().get("access_token").asString();
    }

    /** The text of every mail the catcher holds for this address (plain-text parts, decoded). */
    static List<String> mailsTo(String email) throws Exception {
        Answer answer = call("GET", "http://127.0.0.1:8025/api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "/messages/", null, null);
        List<String> texts = new ArrayList<>();
        if (answer.status() != 200) {
            return texts;
        }
        for (JsonNode message : answer.json()) {
            MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(message.get("mimeMessage").asString().getBytes(StandardCharsets.UTF_8)));
            texts.add(mime.getSubject() + "\n" + text(mime.getContent()));
        }
        return texts;
    }

    /** The first link in the text that starts with the prefix. */
    static String link(String text, String prefix) {
        Matcher links = LINK.matcher(text);
        while (links.find()) {
            if (links.group().startsWith(prefix)) {
                return links.group();
            }
        }
        throw new AssertionError("no link starting with " + prefix + " in:\n" + text);
    }

    private static String text(Object content) throws Exception {
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain") || part.getContent() instanceof Multipart) {
                    text.append(text(part.getContent()));
                }
            }
            return text.toString();
        }
        return String.valueOf(content);
    }

    private PlatformClient() {
    }
}
