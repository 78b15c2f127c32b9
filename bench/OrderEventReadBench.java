import com.partnersportal.kit.events.EventJson;
import com.partnersportal.orders.contract.OrderApproved;
import com.partnersportal.types.Money;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The CPU of reading one order event's payload (bench/WebhooksBench.java's order_approved, as orders-service writes
 * it) with the kit's EventJson: into the contract's whole record, as the intake does, and into only the fields a
 * webhook is made of (the rest skipped, not built), as ADR 21's profile suggested.
 * Thread CPU time (not wall time), the two alternated, so that neighbours on shared cores move both alike:
 *
 *   mkdir -p /tmp/wd && (cd /tmp/wd && unzip -qo "$OLDPWD/webhook-dispatcher/target/webhook-dispatcher-0.1.0-SNAPSHOT.jar")
 *   flock /tmp/platform.lock java -cp "/tmp/wd/BOOT-INF/classes:/tmp/wd/BOOT-INF/lib/*" bench/OrderEventReadBench.java
 */
public class OrderEventReadBench {

    public static void main(String[] args) {
        UUID merchant = UUID.randomUUID();
        String order = UUID.randomUUID().toString();
        String ref = "REF-" + order.substring(0, 8);
        byte[] payload = """
                {"order":{"order_id":"%s","merchant_id":"%s","legal_entity_id":"%s","order_reference_id":"%s","order_number":"N-%s","status":"approved","previous_status":"new","country_code":"SA","payment_type":"PAY_BY_INSTALMENTS","totals":{"total_amount":{"amount":300.00,"currency":"SAR"},"captured_amount":{"amount":0.00,"currency":"SAR"},"refunded_amount":{"amount":0.00,"currency":"SAR"},"canceled_amount":{"amount":0.00,"currency":"SAR"}}},"actor":{"type":"api_token","id":"bench"},"occurred_at":"%s"}"""
                .formatted(order, merchant, merchant, ref, ref, Instant.now()).getBytes(StandardCharsets.UTF_8);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int reads = 200_000;
        for (int round = 0; round < 6; round++) {
            long whole = time(cpu, reads, () -> EventJson.read(payload, OrderApproved.class).order().orderId());
            long fields = time(cpu, reads, () -> EventJson.read(payload, OrderEventFields.class).order().orderId());
            System.out.printf("RESULT round %d: whole record %.2f us per event, fields %.2f us per event%s%n", round,
                    whole / 1e3 / reads, fields / 1e3 / reads, round < 2 ? " (warm-up)" : "");
        }
    }

    /** The fields of an order event a webhook is made of; the other types' data fields stay null here. */
    record OrderEventFields(Order order, Instant occurredAt, String declinedReason, String declinedCode,
            String declineType, UUID captureId, Money capturedAmount, UUID refundId, Money refundedAmount,
            String comment, UUID cancelId, Money canceledAmount) {
        record Order(UUID orderId, UUID merchantId, String orderReferenceId, String orderNumber) {
        }
    }

    static volatile Object sink;

    static long time(ThreadMXBean cpu, int reads, java.util.function.Supplier<Object> read) {
        long start = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < reads; i++) {
            sink = read.get();
        }
        return cpu.getCurrentThreadCpuTime() - start;
    }
}
