import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The load side of bench/webhooks-delivery.sh: a fast local receiver (JDK HttpServer on virtual threads, plus a
 * path that answers in 10 s), an order-event producer publishing as orders-service does, and a plain JDK HttpClient
 * for the ceiling. Phases are chosen by the first argument.
 */
public class WebhooksBench {

    static final String TOPIC = "orders.order-events.v1";
    static final String TYPE = "com.partnersportal.orders.order-approved.v1";

    static String dispatcher;
    static String brokers;
    static int receiverPort;
    static final AtomicLong received = new AtomicLong();
    static final AtomicLong firstReceipt = new AtomicLong();
    static final AtomicLong lastReceipt = new AtomicLong();
    /** nanoTime of each fast receipt in arrival order, while a throughput phase counts them (else null). */
    static volatile AtomicLongArray receiptTimes;
    /** order id -> nanoTime the broker acknowledged its event (the commit). */
    static final Map<String, Long> committed = new ConcurrentHashMap<>();
    /** order id -> nanoTime the receiver got it. */
    static final Map<String, Long> receipts = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        dispatcher = args[0];
        brokers = args[1];
        String phase = args[2];
        startReceiver();
        switch (phase) {
            case "register" -> register(args);
            case "throughput" -> throughput(args);
            case "steady" -> steady(Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "isolation" -> isolation(Integer.parseInt(args[3]), Integer.parseInt(args[4]), Boolean.parseBoolean(args[5]));
            default -> throw new IllegalArgumentException(phase);
        }
        System.exit(0);
    }

    // ---- receiver ----

    static void startReceiver() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.getInteger("receiver.port", 0)), 4096);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (exchange.getRequestURI().getPath().startsWith("/slow")) {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                long now = System.nanoTime();
                String text = new String(body, StandardCharsets.UTF_8);
                int i = text.indexOf("\"order_id\":\"");
                if (i >= 0) {
                    receipts.putIfAbsent(text.substring(i + 12, i + 48), now);
                }
                firstReceipt.compareAndSet(0, now);
                lastReceipt.set(now);
                long n = received.getAndIncrement();
                AtomicLongArray times = receiptTimes;
                if (times != null && n < times.length()) {
                    times.set((int) n, now);
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        receiverPort = server.getAddress().getPort();
    }

    // ---- dispatcher API ----

    static final HttpClient API = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static String register(UUID merchant, String url, int maxConcurrency) throws Exception {
        String body = """
                {"type": "order", "url": "%s", "events": ["order_approved"], "max_concurrency": %d}"""
                .formatted(url, maxConcurrency);
        HttpResponse<String> response = API.send(HttpRequest.newBuilder(URI.create(dispatcher + "/webhooks"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + apiToken(merchant))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("registration: " + response.statusCode() + " " + response.body());
        }
        String text = response.body();
        int i = text.indexOf("\"webhook_id\":\"");
        return text.substring(i + 14, i + 50);
    }

    static final Map<UUID, String> API_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A live API token of the merchant at the bench identity-service (bench/lib.sh's bench_api_token: stored there as
     * identity stores one, only its SHA-256), so the dispatcher checks it exactly as in a real run.
     */
    static String apiToken(UUID merchant) {
        return API_TOKENS.computeIfAbsent(merchant, id -> {
            try {
                Process psql = new ProcessBuilder("bash", "-c", "source \"$0\"; bench_api_token \"$1\"",
                        System.getenv("BENCH_ROOT") + "/bench/lib.sh", id.toString()).redirectErrorStream(false).start();
                String token = new String(psql.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
                if (psql.waitFor() != 0 || !token.startsWith("ppk_")) {
                    throw new IllegalStateException("bench_api_token failed: " + token);
                }
                return token;
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** register <merchant> <count> <port>: endpoints whose messages the script loads into the database. */
    static void register(String[] args) throws Exception {
        UUID merchant = UUID.fromString(args[3]);
        int count = Integer.parseInt(args[4]);
        for (int i = 0; i < count; i++) {
            System.out.println(register(merchant, "http://127.0.0.1:" + args[5] + "/fast/" + i, 256));
        }
    }

    // ---- phases ----

    /**
     * throughput <expected> <concurrency> <bodies-file>: the service delivers the messages the script made due (the
     * receiver listens on -Dreceiver.port); then the JDK client sends as many requests with the same bodies and
     * headers to the same receiver at the same concurrency.
     */
    static void throughput(String[] args) throws Exception {
        long expected = Long.parseLong(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        List<String> bodies = java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[5]));
        receiptTimes = new AtomicLongArray((int) expected);
        System.out.println("READY");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (received.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double serviceSeconds = (lastReceipt.get() - firstReceipt.get()) / 1e9;
        long serviceCount = received.get();
        double serviceWarm = warmRate(receiptTimes, serviceCount);
        System.out.println("SERVICE_DONE");

        received.set(0);
        firstReceipt.set(0);
        receiptTimes = new AtomicLongArray((int) expected);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore slots = new Semaphore(concurrency);
        String signature = "v1," + "A".repeat(43) + "=";
        long start = System.nanoTime();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long n = 0; n < expected; n++) {
                String body = bodies.get((int) (n % bodies.size()));
                slots.acquire();
                workers.execute(() -> {
                    try {
                        client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiverPort + "/fast/jdk?tamaraToken=x"))
                                .timeout(Duration.ofSeconds(15))
                                .header("Content-Type", "application/json").header("webhook-id", "msg_" + UUID.randomUUID())
                                .header("webhook-timestamp", Long.toString(Instant.now().getEpochSecond()))
                                .header("webhook-signature", signature).header("Authorization", "Bearer x")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                    } catch (Exception e) {
                        System.err.println(e);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        double jdkSeconds = (System.nanoTime() - start) / 1e9;
        double jdkWarm = warmRate(receiptTimes, received.get());
        System.out.printf("RESULT service_deliveries=%d service_per_s=%.0f jdk_requests=%d jdk_per_s=%.0f"
                        + " service_whole_run_per_s=%.0f jdk_whole_run_per_s=%.0f%n",
                serviceCount, serviceWarm, expected, jdkWarm, serviceCount / serviceSeconds, expected / jdkSeconds);
    }

    /**
     * Receipts per second after the first quarter of the run, for both sides alike: the first quarter warms the
     * sender's code and the receiver's (each phase starts with a fresh tool JVM and the receiver's first requests).
     */
    static double warmRate(AtomicLongArray times, long count) {
        int n = (int) Math.min(count, times.length());
        int from = n / 4;
        if (n - from < 2) {
            return 0;
        }
        return (n - 1 - from) / ((times.get(n - 1) - times.get(from)) / 1e9);
    }

    /**
     * steady <events per second> <seconds>: one endpoint, e2e latency from the event's commit to its receipt; with
     * -Dwarmup.seconds, after that many seconds at the same rate that are not measured.
     */
    static void steady(int rate, int seconds) throws Exception {
        UUID merchant = UUID.randomUUID();
        register(merchant, "http://127.0.0.1:" + receiverPort + "/fast/steady", 64);
        int warmSeconds = Integer.getInteger("warmup.seconds", 0);
        if (warmSeconds > 0) {
            // Unmeasured: the same rate first, until all of it is received, so that what is measured is a warm
            // service, producer and receiver (each run starts a fresh tool JVM), not their first seconds' JIT.
            awaitReceipts(publish(List.of(merchant), rate, warmSeconds), Duration.ofSeconds(120));
        }
        List<String> orders = publish(List.of(merchant), rate, seconds);
        awaitReceipts(orders, Duration.ofSeconds(120));
        report("steady " + rate + " ev/s for " + seconds + " s", orders);
    }

    /** isolation <rate> <seconds> <with slow>: three healthy endpoints (own merchants), optionally a 10 s one beside. */
    static void isolation(int rate, int seconds, boolean withSlow) throws Exception {
        List<UUID> healthy = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (UUID m : healthy) {
            register(m, "http://127.0.0.1:" + receiverPort + "/fast/" + m, 16);
        }
        Thread slow = null;
        if (withSlow) {
            UUID slowMerchant = UUID.randomUUID();
            register(slowMerchant, "http://127.0.0.1:" + receiverPort + "/slow/" + slowMerchant, 16);
            slow = Thread.ofPlatform().start(() -> {
                try {
                    publish(List.of(slowMerchant), 50, seconds);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(2000); // the slow endpoint's slots fill up first
        }
        List<String> orders = publish(healthy, rate, seconds);
        awaitReceipts(orders, Duration.ofSeconds(120));
        if (slow != null) {
            slow.join();
        }
        report("healthy endpoints, " + rate + " ev/s" + (withSlow ? ", beside one 10-second endpoint at 50 ev/s"
                : ", alone"), orders);
    }

    // ---- events ----

    static List<String> publish(List<UUID> merchants, int rate, int seconds) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", brokers);
        props.put("linger.ms", "1");
        props.put("acks", "all");
        List<String> orders = new ArrayList<>();
        ConcurrentLinkedQueue<Exception> errors = new ConcurrentLinkedQueue<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            long total = (long) rate * seconds;
            long start = System.nanoTime();
            for (long n = 0; n < total; n++) {
                long due = start + n * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                UUID merchant = merchants.get((int) (n % merchants.size()));
                String order = UUID.randomUUID().toString();
                orders.add(order);
                producer.send(record(merchant, order), (meta, e) -> {
                    if (e != null) {
                        errors.add(e);
                    } else {
                        committed.put(order, System.nanoTime());
                    }
                });
            }
            producer.flush();
        }
        if (!errors.isEmpty()) {
            throw errors.peek();
        }
        return orders;
    }

    static ProducerRecord<String, byte[]> record(UUID merchant, String order) {
        String ref = "REF-" + order.substring(0, 8);
        String payload = """
                {"order":{"order_id":"%s","merchant_id":"%s","legal_entity_id":"%s","order_reference_id":"%s","order_number":"N-%s","status":"approved","previous_status":"new","country_code":"SA","payment_type":"PAY_BY_INSTALMENTS","totals":{"total_amount":{"amount":300.00,"currency":"SAR"},"captured_amount":{"amount":0.00,"currency":"SAR"},"refunded_amount":{"amount":0.00,"currency":"SAR"},"canceled_amount":{"amount":0.00,"currency":"SAR"}}},"actor":{"type":"api_token","id":"bench"},"occurred_at":"%s"}"""
                .formatted(order, merchant, merchant, ref, ref, Instant.now());
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/partners-portal/orders".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", TYPE.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_subject", order.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(TOPIC, null, order, payload.getBytes(StandardCharsets.UTF_8), headers);
    }

    static void awaitReceipts(List<String> orders, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && orders.stream().anyMatch(o -> !receipts.containsKey(o))) {
            Thread.sleep(100);
        }
    }

    static void report(String label, List<String> orders) {
        double[] ms = orders.stream().filter(o -> receipts.containsKey(o) && committed.containsKey(o))
                .mapToDouble(o -> (receipts.get(o) - committed.get(o)) / 1e6).sorted().toArray();
        long missing = orders.size() - ms.length;
        long firstCommit = orders.stream().filter(committed::containsKey).mapToLong(committed::get).min().orElse(0);
        long lastReceipt = orders.stream().filter(receipts::containsKey).mapToLong(receipts::get).max().orElse(0);
        System.out.printf("RESULT %s: events=%d received=%d p50=%.0f ms p95=%.0f ms p99=%.0f ms max=%.0f ms"
                        + " (first commit to last receipt: %.0f ev/s)%n", label, orders.size(), ms.length, pct(ms, 50),
                pct(ms, 95), pct(ms, 99), ms.length == 0 ? 0 : ms[ms.length - 1],
                ms.length / Math.max(0.001, (lastReceipt - firstCommit) / 1e9));
        if (missing > 0) {
            System.out.println("RESULT missing=" + missing);
        }
    }

    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }
}
