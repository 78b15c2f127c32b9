package com.partnersportal.launcher;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ./portal demo-traffic [orders]}: realistic orders for the demo merchant, through the gateway's merchant
 * API with the demo API token, so that the portal, settlement and webhooks have something to show. Shoppers
 * with Arabic and English names, every currency of the Gulf (the demo merchant gains a legal entity in each
 * country the first time), and every lifecycle path: left new, declined, approved, authorised, captured in part
 * and in full, refunded in part and in full, canceled in full and in part. The consumer's approval comes from the
 * sandbox's checkout-decision endpoint, as the checkout system would send it.
 */
public final class DemoTraffic {

    private static final URI GATEWAY = URI.create("http://127.0.0.1:8080");
    /** The checkout system's stand-in is internal: straight to orders-service, never through the gateway. */
    private static final URI ORDERS = URI.create("http://127.0.0.1:8082");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static final List<Country> COUNTRIES = List.of(
            new Country("SA", "SAR", 2, "Riyadh", "+9665"), new Country("AE", "AED", 2, "Dubai", "+9715"),
            new Country("QA", "QAR", 2, "Doha", "+9743"), new Country("KW", "KWD", 3, "Kuwait City", "+9656"),
            new Country("BH", "BHD", 3, "Manama", "+9733"), new Country("OM", "OMR", 3, "Muscat", "+9689"));
    private static final List<String[]> SHOPPERS = List.of(
            new String[] {"نورة", "الحربي"}, new String[] {"محمد", "القحطاني"}, new String[] {"فاطمة", "العتيبي"},
            new String[] {"عبدالله", "الشمري"}, new String[] {"Sara", "Al-Mansouri"}, new String[] {"Omar", "Haddad"},
            new String[] {"Layla", "Nasser"}, new String[] {"Khalid", "Al-Saud"}, new String[] {"ريم", "الدوسري"});
    private static final List<String[]> PRODUCTS = List.of(
            new String[] {"Oud perfume 100 ml", "PERF-OUD"}, new String[] {"عباية سوداء", "ABY-BLK"},
            new String[] {"Coffee maker", "KIT-CFE"}, new String[] {"Running shoes", "SHO-RUN"},
            new String[] {"سجادة صلاة", "RUG-PRY"}, new String[] {"Smart watch", "ELC-WCH"});

    private final Random random = new Random();
    private static final URI IDENTITY = URI.create("http://127.0.0.1:8081");

    private final String apiToken;
    /** The sandbox tooling's credentials (client sandbox-tools): the checkout-decision endpoint wants its token. */
    private final ServiceClientSecrets secrets;
    private String serviceToken;
    private Instant serviceTokenFetched = Instant.EPOCH;
    private final Map<String, Integer> outcomes = new TreeMap<>();

    private DemoTraffic(String apiToken, ServiceClientSecrets secrets) {
        this.apiToken = apiToken;
        this.secrets = secrets;
    }

    /** Service tokens live five minutes: a long run fetches the next one before that. */
    private String serviceToken() throws IOException, InterruptedException {
        if (Duration.between(serviceTokenFetched, Instant.now()).compareTo(Duration.ofMinutes(4)) > 0) {
            serviceToken = secrets.sandboxToolsToken(IDENTITY);
            serviceTokenFetched = Instant.now();
        }
        return serviceToken;
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Path credentialsFile = RunDirectory.fromSystemProperty().demoCredentials();
        if (!Files.exists(credentialsFile)) {
            System.err.println("No demo credentials at " + credentialsFile + ": start the platform first (./portal start).");
            System.exit(1);
        }
        JsonNode credentials = JSON.readTree(Files.readString(credentialsFile));
        DemoTraffic traffic = new DemoTraffic(credentials.get("api_token").get("token").asString(),
                ServiceClientSecrets.load(RunDirectory.fromSystemProperty()));
        traffic.enableEveryCountry(credentials);
        for (int i = 1; i <= count; i++) {
            traffic.oneOrder(i);
        }
        System.out.printf("%d demo orders through the merchant API:%n", count);
        traffic.outcomes.forEach((outcome, n) -> System.out.printf("  %-28s %d%n", outcome, n));
    }

    /** The demo merchant sells in KSA and the UAE; the operator registers it in the other Gulf countries. */
    private void enableEveryCountry(JsonNode credentials) throws Exception {
        String merchantId = credentials.get("merchant").get("id").asString();
        JsonNode operator = credentials.get("operator");
        String operatorToken = send("POST", GATEWAY.resolve("/auth/v1/sign-in"), null,
                Map.of("email", operator.get("email").asString(), "password", operator.get("password").asString()))
                .body().get("access_token").asString();
        Set<String> registered = new java.util.HashSet<>();
        send("GET", GATEWAY.resolve("/operator/v1/merchants/" + merchantId), operatorToken, null).body()
                .get("legal_entities").forEach(entity -> registered.add(entity.get("country_code").asString()));
        for (Country country : COUNTRIES) {
            if (registered.contains(country.code())) {
                continue;
            }
            Answer answer = send("POST", GATEWAY.resolve("/operator/v1/merchants/" + merchantId + "/legal-entities"),
                    operatorToken, Map.of(
                            "legal_name_en", "Demo Home Trading " + country.code() + " W.L.L.",
                            "legal_name_ar", "المنزل التجريبي للتجارة " + country.code(),
                            "country_code", country.code(),
                            "commercial_registration", "CR-" + country.code() + "-12345",
                            "address", "Demo Street 1, " + country.city()));
            System.out.printf("Registered the demo merchant in %s (HTTP %d)%n", country.code(), answer.status());
        }
    }

    private void oneOrder(int number) throws Exception {
        Country country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
        String[] shopper = SHOPPERS.get(random.nextInt(SHOPPERS.size()));
        List<Map<String, Object>> items = new ArrayList<>();
        BigDecimal itemsTotal = BigDecimal.ZERO;
        for (int i = 0, lines = 1 + random.nextInt(3); i < lines; i++) {
            String[] product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
            int quantity = 1 + random.nextInt(2);
            BigDecimal unit = amount(country, 20 + random.nextInt(900));
            BigDecimal line = unit.multiply(BigDecimal.valueOf(quantity));
            itemsTotal = itemsTotal.add(line);
            items.add(Map.of("reference_id", "line-" + i, "type", "Physical", "name", product[0], "sku", product[1],
                    "quantity", quantity, "unit_price", money(unit, country), "total_amount", money(line, country)));
        }
        BigDecimal shipping = amount(country, random.nextInt(3) * 10);
        BigDecimal total = itemsTotal.add(shipping);
        ObjectNode checkout = JSON.createObjectNode();
        checkout.put("order_reference_id", "DEMO-" + Instant.now().toEpochMilli() + "-" + number);
        checkout.put("order_number", "D" + (100_000 + random.nextInt(900_000)));
        checkout.set("total_amount", JSON.valueToTree(money(total, country)));
        checkout.set("shipping_amount", JSON.valueToTree(money(shipping, country)));
        checkout.put("country_code", country.code());
        checkout.put("payment_type", "PAY_BY_INSTALMENTS");
        checkout.put("instalments", 3 + random.nextInt(2));
        checkout.put("locale", shopper[0].matches(".*\\p{IsArabic}.*") ? "ar_" + country.code() : "en_" + country.code());
        checkout.set("items", JSON.valueToTree(items));
        checkout.set("consumer", JSON.valueToTree(Map.of("first_name", shopper[0], "last_name", shopper[1],
                "phone_number", country.phonePrefix() + (1_000_000 + random.nextInt(8_999_999)),
                "email", "shopper" + number + "@example.com")));
        checkout.set("shipping_address", JSON.valueToTree(Map.of("first_name", shopper[0], "last_name", shopper[1],
                "line1", "Building " + (1 + random.nextInt(90)), "city", country.city(), "country_code", country.code())));

        Answer created = retryWhileCountryIsNew(checkout);
        if (created.status() != 200) {
            count("checkout refused (" + created.status() + ")");
            return;
        }
        String order = created.body().get("order_id").asString();
        int path = random.nextInt(100);
        if (path < 5) {
            count("new");
            return;
        }
        if (path < 10) {
            decide(order, "declined");
            count("declined");
            return;
        }
        decide(order, "approved");
        if (path < 15) {
            count("approved");
            return;
        }
        merchantApi("POST", "/orders/" + order + "/authorise", null);
        if (path < 25) {
            count("authorised");
        } else if (path < 32) {
            cancel(order, total, country);
            count("canceled");
        } else if (path < 38) {
            BigDecimal part = half(total, country);
            cancel(order, part, country);
            capture(order, total.subtract(part), country);
            count("updated, then captured");
        } else if (path < 52) {
            capture(order, half(total, country), country);
            count("partially_captured");
        } else if (path < 72) {
            capture(order, total, country);
            count("fully_captured");
        } else if (path < 88) {
            BigDecimal first = half(total, country);
            capture(order, first, country);
            capture(order, total.subtract(first), country);
            refund(order, half(first, country), country);
            count("partially_refunded");
        } else {
            capture(order, total, country);
            refund(order, total, country);
            count("fully_refunded");
        }
    }

    /** A legal entity just registered reaches orders-service through Kafka within moments. */
    private Answer retryWhileCountryIsNew(ObjectNode checkout) throws Exception {
        Answer answer = merchantApi("POST", "/checkout", checkout);
        for (int attempt = 0; attempt < 30 && answer.status() == 422; attempt++) {
            Thread.sleep(1_000);
            answer = merchantApi("POST", "/checkout", checkout);
        }
        return answer;
    }

    private void capture(String order, BigDecimal amount, Country country) throws Exception {
        merchantApi("POST", "/payments/capture", Map.of("order_id", order, "total_amount", money(amount, country),
                "shipping_info", Map.of("shipped_at", Instant.now().toString(), "shipping_company", "SMSA",
                        "tracking_number", "TRK" + random.nextInt(1_000_000))));
    }

    private void refund(String order, BigDecimal amount, Country country) throws Exception {
        merchantApi("POST", "/payments/simplified-refund/" + order, Map.of("total_amount", money(amount, country),
                "comment", "Returned by the customer", "merchant_refund_id", "RF-" + random.nextInt(1_000_000)));
    }

    private void cancel(String order, BigDecimal amount, Country country) throws Exception {
        merchantApi("POST", "/orders/" + order + "/cancel", Map.of("total_amount", money(amount, country)));
    }

    private void decide(String order, String decision) throws Exception {
        send("POST", ORDERS.resolve("/internal/orders/" + order + "/checkout-decision"), serviceToken(), Map.of("decision", decision,
                "declined_reason", "Consumer did not complete the first payment", "declined_code", "D05",
                "decline_type", "soft"));
    }

    private Answer merchantApi(String method, String path, Object body) throws Exception {
        Answer answer = send(method, GATEWAY.resolve(path), apiToken, body);
        if (answer.status() >= 400 && answer.status() != 422) {
            System.err.printf("%s %s answered %d: %s%n", method, path, answer.status(), answer.body());
        }
        return answer;
    }

    private void count(String outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    private static BigDecimal amount(Country country, int majorUnits) {
        return BigDecimal.valueOf(majorUnits).setScale(country.scale());
    }

    private static BigDecimal half(BigDecimal amount, Country country) {
        return amount.divide(BigDecimal.valueOf(2), country.scale(), RoundingMode.DOWN);
    }

    private static Map<String, Object> money(BigDecimal amount, Country country) {
        return Map.of("amount", amount, "currency", country.currency());
    }

    private static Answer send(String method, URI uri, String bearer, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        return new Answer(response.statusCode(), text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text));
    }

    private record Answer(int status, JsonNode body) {
    }

    private record Country(String code, String currency, int scale, String city, String phonePrefix) {
    }
}
