package com.partnersportal.settlement.invoice;

import static com.partnersportal.settlement.testing.SettlementApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.events.CloudEventHeaders;
import com.partnersportal.settlement.contract.SettlementTopics;
import com.partnersportal.settlement.contract.TaxInvoiceIssued;
import com.partnersportal.settlement.testing.Events;
import com.partnersportal.settlement.testing.IndependentStampVerifier;
import com.partnersportal.settlement.testing.Events.Order;
import com.partnersportal.settlement.testing.SettlementApi;
import com.partnersportal.settlement.testing.SettlementIntegrationTest;
import com.partnersportal.settlement.testing.Settlements;
import com.partnersportal.testsupport.PublishedEvents;
import com.partnersportal.testsupport.TestAccessTokens;
import com.partnersportal.testsupport.TopicReader;
import com.partnersportal.types.Currency;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.xml.security.Init;
import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;

/**
 * Monthly KSA tax invoices end to end: fees booked from order events, the month closed at Riyadh midnight by the
 * sandbox clock, then read back the way an outside checker would — the XML against the UBL 2.1 schema, the QR
 * decoded from the PDF's image with its own TLV reader, the hash and the PIH chain recomputed from the files.
 */
@SettlementIntegrationTest
class TaxInvoiceIT {

    @Autowired
    DataSource publisherDatabase;

    /** What the test made the service publish is what its contract module's samples and schemas say (ADR 16). */
    @AfterEach
    void publishedEventsConformToTheirSamples() {
        PublishedEvents.assertEveryOutboxRowConforms(publisherDatabase);
    }

    private static final String ISSUER_VAT = "310123456700003";

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    ClearanceWorker clearance;

    private Events events;
    private SettlementApi api;
    private Settlements settlements;
    private UUID merchant;
    private UUID ksa;
    private String user;

    @BeforeEach
    void setUp() {
        events = new Events(brokers);
        api = new SettlementApi(port);
        settlements = new Settlements(jdbc, api, clock);
        merchant = UUID.randomUUID();
        ksa = UUID.randomUUID();
        events.legalEntity(merchant, ksa, "SA", "SAR", "Asia/Riyadh", "300000000000003");
        settlements.awaitRegistered(ksa);
        user = TestAccessTokens.user(merchant, UUID.randomUUID(),
                Set.of(Permission.INVOICES_VIEW, Permission.INVOICES_EXPORT), Set.of());
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void aMonthOfFeesBecomesOneStandardTaxInvoiceWhoseXmlQrAndHashChainCheckOut() throws Exception {
        UUID otherMerchant = UUID.randomUUID();
        UUID otherKsa = UUID.randomUUID();
        UUID uae = UUID.randomUUID();
        events.legalEntity(otherMerchant, otherKsa, "SA", "SAR", "Asia/Riyadh", "399999999999993");
        events.legalEntity(merchant, uae, "AE", "AED", "Asia/Dubai", null);
        settlements.awaitRegistered(otherKsa);
        settlements.awaitRegistered(uae);
        var monthEnd = settlements.invoiceMonthEnd(ksa);

        Order order = Order.of(merchant, ksa, "SA", Currency.SAR);
        UUID capture = UUID.randomUUID();
        events.captured(order, capture, "1000.00", monthEnd.minus(Duration.ofDays(2)));   // fee 25.00 + 1.00
        events.refunded(order, UUID.randomUUID(), capture, "200.00", monthEnd.minusSeconds(1)); // fee -5.00
        events.captured(Order.of(otherMerchant, otherKsa, "SA", Currency.SAR), UUID.randomUUID(), "500.00",
                monthEnd.minus(Duration.ofDays(1)));                                            // fee 12.50 + 1.00
        events.captured(Order.of(merchant, uae, "AE", Currency.AED), UUID.randomUUID(), "900.00",
                monthEnd.minus(Duration.ofDays(1)));
        settlements.awaitLines(ksa, 2);
        settlements.awaitLines(otherKsa, 1);
        settlements.awaitLines(uae, 1);

        try (TopicReader topic = new TopicReader(brokers, SettlementTopics.SETTLEMENT_EVENTS)) {
            settlements.advancePast(monthEnd);
            await().atMost(Settlements.PATIENCE).until(() -> invoicesOf(ksa) == 1 && invoicesOf(otherKsa) == 1);

            JsonNode pending = expect(api.asUser(user, "/portal/v1/invoices"), 200).body().get("invoices").get(0);
            assertThat(pending.get("clearance_status").asString()).isEqualTo("pending");
            assertThat(pending.get("qr_code").isNull()).isTrue();
            String pendingId = pending.get("invoice_id").asString();
            assertThat(expect(api.asUser(user, "/portal/v1/invoices/" + pendingId + "/pdf"), 409).errorCode())
                    .isEqualTo("invoice_not_cleared");
            expect(api.asUser(user, "/portal/v1/invoices/" + pendingId + "/xml"), 409);
            assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE message_key = :id").param("id", pendingId)
                    .query(Long.class).single()).as("nothing tells the merchant before clearance").isZero();
            awaitAllCleared();

            JsonNode list = expect(api.asUser(user, "/portal/v1/invoices"), 200).body().get("invoices");
            assertThat(list).hasSize(1);
            JsonNode invoice = list.get(0);
            assertThat(invoice.get("legal_entity_id").asString()).isEqualTo(ksa.toString());
            assertThat(invoice.get("invoice_type").asString()).isEqualTo("standard");
            assertThat(invoice.get("currency").asString()).isEqualTo("SAR");
            assertThat(invoice.get("taxable_amount").get("amount").toString()).isEqualTo("21.00");
            assertThat(invoice.get("vat_amount").get("amount").toString()).isEqualTo("3.15");
            assertThat(invoice.get("total_with_vat").get("amount").toString()).isEqualTo("24.15");
            assertThat(invoice.get("seller_vat_number").asString()).isEqualTo(ISSUER_VAT);
            assertThat(invoice.get("buyer_vat_number").asString()).isEqualTo("300000000000003");
            String id = invoice.get("invoice_id").asString();

            assertThat(invoice.get("clearance_status").asString()).isIn("cleared", "cleared_with_warnings");
            byte[] xml = expect(api.asUser(user, "/portal/v1/invoices/" + id + "/xml"), 200).bytes();
            Ubl21Schema.invoice().newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
            IndependentStampVerifier.Result stamp = IndependentStampVerifier.verify(xml);
            assertThat(stamp.problems()).isEmpty();
            assertThat(stamp.certificate().getIssuerX500Principal().getName()).contains("SIMZEINVOICE-SubCA-1");
            String text = new String(xml, StandardCharsets.UTF_8);
            assertThat(text).contains("<cbc:ProfileID>reporting:1.0</cbc:ProfileID>",
                    "<cbc:InvoiceTypeCode name=\"0100000\">388</cbc:InvoiceTypeCode>",
                    "<cbc:UUID>" + id + "</cbc:UUID>", "<cbc:DocumentCurrencyCode>SAR</cbc:DocumentCurrencyCode>");

            byte[] pdf = expect(api.asUser(user, "/portal/v1/invoices/" + id + "/pdf"), 200).bytes();
            Map<Integer, String> qr = tlv(qrFromPdf(pdf));
            assertThat(qr.keySet()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
            assertThat(qr.get(7)).isEqualTo(stamp.qrText(7));
            assertThat(qr.get(1)).isEqualTo("شركة بوابة الشركاء للمدفوعات (تجريبي)");
            assertThat(qr.get(2)).matches("3\\d{13}3").isEqualTo(ISSUER_VAT);
            assertThat(qr.get(3)).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
            assertThat(qr.get(4)).isEqualTo("24.15");
            assertThat(qr.get(5)).isEqualTo("3.15");
            assertThat(qr.get(6)).isEqualTo(recomputedHash(xml)).isEqualTo(invoice.get("invoice_hash").asString());
            assertThat(invoice.get("qr_code").asString()).isEqualTo(qrFromPdf(pdf));

            ConsumerRecord<String, byte[]> issued = topic.awaitRecord(r -> id.equals(r.key()), Settlements.PATIENCE);
            assertThat(TopicReader.header(issued, CloudEventHeaders.TYPE)).isEqualTo(TaxInvoiceIssued.TYPE);
            JsonNode payload = SettlementApi.JSON.readTree(TopicReader.value(issued));
            assertThat(payload.get("invoice_number").asString()).isEqualTo(invoice.get("invoice_number").asString());
            assertThat(payload.get("total_with_vat").get("amount").toString()).isEqualTo("24.15");
            URI link = URI.create(payload.get("pdf_download_url").asString());
            SettlementApi.Answer download = api.call(HttpMethod.GET, link.getPath() + "?" + link.getQuery(), null, Map.of());
            assertThat(download.status()).isEqualTo(200);
            assertThat(qrFromPdf(download.bytes())).isEqualTo(qrFromPdf(pdf)); // a PDF's /ID differs at each rendering
            expect(api.call(HttpMethod.GET, link.getPath() + "?" + link.getQuery().replaceAll("signature=[0-9a-f]+", "signature=" + "0".repeat(64)),
                    null, Map.of()), 404);
        }

        assertThat(invoicesOf(uae)).isZero();
        assertThat(expect(api.asOperator(HttpMethod.POST, "/operator/v1/settlement/legal-entities/" + uae + "/close-month", null),
                422).errorCode()).isEqualTo("not_invoiced_outside_ksa");
        String stranger = TestAccessTokens.user(otherMerchant, UUID.randomUUID(), Set.of(Permission.INVOICES_VIEW), Set.of());
        String mine = expect(api.asUser(user, "/portal/v1/invoices"), 200).body().get("invoices").get(0).get("invoice_id").asString();
        assertThat(expect(api.asUser(stranger, "/portal/v1/invoices/" + mine), 404).errorCode()).isEqualTo("invoice_not_found");
        expect(api.asUser(stranger, "/portal/v1/invoices/" + mine + "/pdf"), 404);
        assertThat(expect(api.asUser(stranger, "/portal/v1/invoices"), 200).body().get("invoices")).hasSize(1);

        assertTheChainHolds();
    }

    @Test
    void aRefundOfAnInvoicedMonthIsCreditedNotNettedAMonthWithoutFeesGetsNoInvoiceAndTheZipHasAllDocuments() throws Exception {
        var month1 = settlements.invoiceMonthEnd(ksa);
        Order first = Order.of(merchant, ksa, "SA", Currency.SAR);
        UUID capture = UUID.randomUUID();
        events.captured(first, capture, "100.00", month1.minus(Duration.ofDays(1)));      // fees 3.50
        settlements.awaitLines(ksa, 1);
        closeMonth(1);

        events.refunded(first, UUID.randomUUID(), capture, "100.00", month1.plus(Duration.ofDays(1))); // fees -2.50
        settlements.awaitLines(ksa, 2);
        closeMonth(1); // a credit note on the first invoice; the month's own fees are nil: no invoice

        events.captured(Order.of(merchant, ksa, "SA", Currency.SAR), UUID.randomUUID(), "300.00",
                settlements.invoiceMonthEnd(ksa).minus(Duration.ofDays(3)));                // fees 8.50
        settlements.awaitLines(ksa, 3);
        closeMonth(1);

        JsonNode invoices = expect(api.asUser(user, "/portal/v1/invoices?legal_entity_id=" + ksa), 200).body().get("invoices");
        assertThat(invoices).hasSize(3);
        assertThat(invoices.get(0).get("document_type").asString()).isEqualTo("invoice");
        assertThat(invoices.get(0).get("taxable_amount").get("amount").toString()).isEqualTo("8.50");
        assertThat(invoices.get(0).get("vat_amount").get("amount").toString()).isEqualTo("1.28"); // 1.275
        assertThat(invoices.get(1).get("document_type").asString()).isEqualTo("credit_note");
        assertThat(invoices.get(1).get("billing_reference").asString()).isEqualTo(invoices.get(2).get("invoice_number").asString());
        assertThat(invoices.get(1).get("taxable_amount").get("amount").toString()).isEqualTo("2.50");
        assertThat(invoices.get(1).get("vat_amount").get("amount").toString()).isEqualTo("0.38"); // 0.375
        assertThat(invoices.get(2).get("taxable_amount").get("amount").toString()).isEqualTo("3.50");
        assertThat(invoices.get(2).get("vat_amount").get("amount").toString()).isEqualTo("0.53"); // 0.525
        assertThat(invoices.get(0).get("icv").asLong()).isGreaterThan(invoices.get(1).get("icv").asLong());

        String from = invoices.get(2).get("issue_date").asString();
        String to = invoices.get(0).get("issue_date").asString();
        SettlementApi.Answer zip = expect(api.asUser(user, "/portal/v1/invoices/export?from=" + from + "&to=" + to), 200);
        List<String> names = new ArrayList<>();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip.bytes()))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        String n0 = invoices.get(0).get("invoice_number").asString();
        String n1 = invoices.get(1).get("invoice_number").asString();
        String n2 = invoices.get(2).get("invoice_number").asString();
        assertThat(names).containsExactly(n2 + ".pdf", n2 + ".xml", n1 + ".pdf", n1 + ".xml", n0 + ".pdf", n0 + ".xml");
        assertThat(expect(api.asUser(user, "/portal/v1/invoices/export?from=" + to), 400).errorCode()).isEqualTo("invalid_field");
        String viewer = TestAccessTokens.user(merchant, UUID.randomUUID(), Set.of(Permission.INVOICES_VIEW), Set.of());
        expect(api.asUser(viewer, "/portal/v1/invoices/export?from=" + from + "&to=" + to), 403);

        assertTheChainHolds();
    }

    private void closeMonth(int expectedInvoices) {
        JsonNode closed = expect(api.asOperator(HttpMethod.POST, "/operator/v1/settlement/legal-entities/" + ksa + "/close-month",
                null), 200).body();
        assertThat(closed.get("invoice_ids")).hasSize(expectedInvoices);
        awaitAllCleared();
    }

    /** Submits what waits to ZATCA (the simulator) until nothing of the issuer's is pending. */
    private void awaitAllCleared() {
        await().atMost(Settlements.PATIENCE).until(() -> {
            clearance.drain();
            return jdbc.sql("SELECT count(*) FROM tax_invoice WHERE clearance_status = 'PENDING'").query(Long.class).single() == 0;
        });
    }

    /** Every invoice the issuer ever issued: ICV 1, 2, 3, ... without a gap, each PIH the hash of the one before. */
    private void assertTheChainHolds() throws Exception {
        List<Map<String, Object>> chain = jdbc.sql("""
                        SELECT icv, invoice_hash, previous_hash, qr, xml FROM tax_invoice
                        WHERE issuer_vat_number = :vat ORDER BY icv""")
                .param("vat", ISSUER_VAT).query().listOfRows();
        String previous = Base64.getEncoder().encodeToString(java.util.HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest("0".getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.US_ASCII));
        long icv = 1;
        for (Map<String, Object> invoice : chain) {
            byte[] xml = (byte[]) invoice.get("xml");
            assertThat(((Number) invoice.get("icv")).longValue()).isEqualTo(icv);
            assertThat(invoice.get("previous_hash")).isEqualTo(previous);
            assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<cbc:ID>ICV</cbc:ID><cbc:UUID>" + icv + "</cbc:UUID>")
                    .contains("<cbc:ID>PIH</cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode=\"text/plain\">"
                            + previous + "<");
            String hash = recomputedHash(xml);
            assertThat(invoice.get("invoice_hash")).isEqualTo(hash);
            assertThat(tlv((String) invoice.get("qr")).get(6)).isEqualTo(hash);
            previous = hash;
            icv++;
        }
        assertThat(chain).isNotEmpty();
    }

    private long invoicesOf(UUID entity) {
        return jdbc.sql("SELECT count(*) FROM tax_invoice WHERE legal_entity_id = :id").param("id", entity)
                .query(Long.class).single();
    }

    /** The hash as ZATCA defines it, recomputed here without the service's code: C14N 1.1 without the QR reference. */
    private static String recomputedHash(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element root = document.getDocumentElement();
        for (Node child = root.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            if (child instanceof Element element && ("UBLExtensions".equals(element.getLocalName())
                    || "Signature".equals(element.getLocalName())
                    || ("AdditionalDocumentReference".equals(element.getLocalName())
                    && "QR".equals(element.getFirstChild().getTextContent())))) {
                root.removeChild(element);
            }
            child = next;
        }
        Init.init();
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N11_OMIT_COMMENTS).canonicalizeSubtree(document, canonical);
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(canonical.toByteArray()));
    }

    /** A TLV reader of its own: tag byte, length byte (UTF-8 bytes), value. */
    private static Map<Integer, String> tlv(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        Map<Integer, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < bytes.length; ) {
            int tag = bytes[i] & 0xFF;
            int length = bytes[i + 1] & 0xFF;
            fields.put(tag, new String(bytes, i + 2, length, StandardCharsets.UTF_8));
            i += 2 + length;
        }
        return fields;
    }

    private static String qrFromPdf(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDResources resources = document.getPage(0).getResources();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image) {
                    BufferedImage picture = image.getImage();
                    int[] pixels = picture.getRGB(0, 0, picture.getWidth(), picture.getHeight(), null, 0, picture.getWidth());
                    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                            new RGBLuminanceSource(picture.getWidth(), picture.getHeight(), pixels)))).getText();
                }
            }
        }
        throw new AssertionError("the PDF has no QR image");
    }
}
