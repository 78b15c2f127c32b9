package com.partnersportal.settlement.invoice;

import static com.partnersportal.settlement.testing.SettlementApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.settlement.invoice.egs.EgsUnits;
import com.partnersportal.settlement.testing.Events;
import com.partnersportal.settlement.testing.Events.Order;
import com.partnersportal.settlement.testing.IndependentStampVerifier;
import com.partnersportal.settlement.testing.SettlementApi;
import com.partnersportal.settlement.testing.SettlementIntegrationTest;
import com.partnersportal.settlement.testing.Settlements;
import com.partnersportal.testsupport.PublishedEvents;
import com.partnersportal.testsupport.TestAccessTokens;
import com.partnersportal.types.Currency;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
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
 * A refund of a capture whose month is invoiced becomes a credit note on that invoice at the next close (and stays
 * out of the next invoice); an operator's fee correction becomes a debit or credit note at once. Notes reference
 * their invoice, state their reason, take their place in the one ICV/PIH chain and are cleared and announced like
 * invoices.
 */
@SettlementIntegrationTest
class CreditAndDebitNotesIT {

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
    ClearanceWorker worker;
    @Autowired
    EgsUnits units;

    private Events events;
    private SettlementApi api;
    private Settlements settlements;
    private UUID merchant;
    private UUID entity;
    private String user;

    @BeforeEach
    void setUp() {
        events = new Events(brokers);
        api = new SettlementApi(port);
        settlements = new Settlements(jdbc, api, clock);
        merchant = UUID.randomUUID();
        entity = UUID.randomUUID();
        events.legalEntity(merchant, entity, "SA", "SAR", "Asia/Riyadh", "300000000000003");
        settlements.awaitRegistered(entity);
        user = TestAccessTokens.user(merchant, UUID.randomUUID(), Set.of(Permission.INVOICES_VIEW), Set.of());
        await().atMost(Duration.ofSeconds(60)).until(() -> units.active("developer-portal").isPresent());
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void aRefundOfAnInvoicedCaptureIsCreditedOnItsInvoiceInTheSameChain() throws Exception {
        Order order = Order.of(merchant, entity, "SA", Currency.SAR);
        UUID capture = UUID.randomUUID();
        events.captured(order, capture, "1000.00", clock.instant());                       // fee 25.00 + 1.00
        settlements.awaitLines(entity, 1);
        TaxInvoice invoice = closeMonth().getFirst();
        assertThat(invoice.taxableAmount()).isEqualByComparingTo("26.00");

        events.refunded(order, UUID.randomUUID(), capture, "400.00", clock.instant());     // returns 10.00
        events.captured(Order.of(merchant, entity, "SA", Currency.SAR), UUID.randomUUID(), "300.00", clock.instant()); // 8.50
        settlements.awaitLines(entity, 3);
        List<TaxInvoice> next = closeMonth();
        assertThat(next).hasSize(2);
        TaxInvoice credit = next.get(0);
        TaxInvoice nextInvoice = next.get(1);
        assertThat(credit.documentType()).isEqualTo(DocumentType.CREDIT_NOTE);
        assertThat(credit.originalInvoiceId()).isEqualTo(invoice.id());
        assertThat(credit.billingReference()).isEqualTo(invoice.invoiceNumber());
        assertThat(credit.taxableAmount()).isEqualByComparingTo("10.00");
        assertThat(credit.vatAmount()).isEqualByComparingTo("1.50");
        assertThat(credit.totalWithVat()).isEqualByComparingTo("11.50");
        assertThat(nextInvoice.documentType()).isEqualTo(DocumentType.INVOICE);
        assertThat(nextInvoice.taxableAmount()).as("the returned fee is the note's, not the next invoice's")
                .isEqualByComparingTo("8.50");
        assertThat(nextInvoice.icv()).isEqualTo(credit.icv() + 1);
        assertThat(nextInvoice.previousHash()).isEqualTo(credit.invoiceHash());

        byte[] xml = expect(api.asUser(user, "/portal/v1/invoices/" + credit.id() + "/xml"), 200).bytes();
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("<cbc:InvoiceTypeCode name=\"0100000\">381</cbc:InvoiceTypeCode>",
                "<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>" + invoice.invoiceNumber() + "</cbc:ID>",
                "<cbc:InstructionNote>" + FeeNotes.REFUND_REASON + "</cbc:InstructionNote>",
                "<cbc:ID>ICV</cbc:ID><cbc:UUID>" + credit.icv() + "</cbc:UUID>");
        IndependentStampVerifier.Result stamp = IndependentStampVerifier.verify(xml);
        assertThat(stamp.problems()).isEmpty();
        assertThat(stamp.qrText(4)).isEqualTo("11.50");
        assertThat(stamp.qrText(6)).isEqualTo(credit.invoiceHash());

        JsonNode view = expect(api.asUser(user, "/portal/v1/invoices/" + credit.id()), 200).body();
        assertThat(view.get("document_type").asString()).isEqualTo("credit_note");
        assertThat(view.get("billing_reference").asString()).isEqualTo(invoice.invoiceNumber());
        assertThat(view.get("original_invoice_id").asString()).isEqualTo(invoice.id().toString());
        JsonNode announced = SettlementApi.JSON.readTree(jdbc.sql(
                        "SELECT payload FROM outbox_event WHERE message_key = :id AND event_type = :type")
                .param("id", credit.id().toString()).param("type", com.partnersportal.settlement.contract.TaxNoteIssued.TYPE)
                .query(byte[].class).single());
        assertThat(announced.get("note_type").asString()).isEqualTo("credit_note");
        assertThat(announced.get("original_invoice_number").asString()).isEqualTo(invoice.invoiceNumber());
        assertThat(announced.get("total_with_vat").get("amount").toString()).isEqualTo("11.50");

        assertTheWholeChainHolds();
    }

    @Test
    void operatorsCorrectAnInvoicesFeesWithADebitOrCreditNoteOnceAndWithinWhatItStates() throws Exception {
        events.captured(Order.of(merchant, entity, "SA", Currency.SAR), UUID.randomUUID(), "2000.00", clock.instant()); // 51.00
        settlements.awaitLines(entity, 1);
        TaxInvoice invoice = closeMonth().getFirst();
        String path = "/operator/v1/settlement/legal-entities/" + entity + "/fee-corrections";
        String debit = """
                {"invoice_id": "%s", "fee": {"amount": 20.00, "currency": "SAR"},
                 "reason": "Fixed fee per order was not charged", "reference": "CORR-1"}""".formatted(invoice.id());

        JsonNode note = expect(api.asOperator(HttpMethod.POST, path, debit), 201).body();
        assertThat(note.get("document_type").asString()).isEqualTo("debit_note");
        assertThat(note.get("billing_reference").asString()).isEqualTo(invoice.invoiceNumber());
        assertThat(note.get("taxable_amount").get("amount").toString()).isEqualTo("20.00");
        assertThat(note.get("vat_amount").get("amount").toString()).isEqualTo("3.00");
        assertThat(note.get("reason").asString()).isEqualTo("Fixed fee per order was not charged");
        assertThat(expect(api.asOperator(HttpMethod.POST, path, debit), 200).body().get("invoice_id").asString())
                .isEqualTo(note.get("invoice_id").asString());
        assertThat(expect(api.asOperator(HttpMethod.POST, path, debit.replace("20.00", "21.00")), 409).errorCode())
                .isEqualTo("reference_reused");
        assertThat(expect(api.asOperator(HttpMethod.POST, path, debit.replace("20.00", "-71.01").replace("CORR-1", "CORR-2")),
                422).errorCode()).isEqualTo("credit_exceeds_invoice");
        assertThat(expect(api.asOperator(HttpMethod.POST, path, debit.replace("20.00", "0.001").replace("CORR-1", "CORR-3")),
                400).errorCode()).isEqualTo("amount_invalid_precision");
        expect(api.asOperator(HttpMethod.POST, path, debit.replace("\"reason\": \"Fixed fee per order was not charged\"",
                "\"reason\": \" \"").replace("CORR-1", "CORR-4")), 400);

        Map<String, Object> line = jdbc.sql("""
                        SELECT fee, vat, net, gross FROM ledger_line WHERE legal_entity_id = :entity AND kind = 'FEE_CORRECTION'""")
                .param("entity", entity).query().singleRow();
        assertThat((java.math.BigDecimal) line.get("fee")).isEqualByComparingTo("20.00");
        assertThat((java.math.BigDecimal) line.get("vat")).isEqualByComparingTo("3.00");
        assertThat((java.math.BigDecimal) line.get("net")).isEqualByComparingTo("-23.00");
        assertThat((java.math.BigDecimal) line.get("gross")).isEqualByComparingTo("0");

        JsonNode credit = expect(api.asOperator(HttpMethod.POST, path, """
                {"invoice_id": "%s", "fee": {"amount": -71.00, "currency": "SAR"},
                 "reason": "Fees waived for the month", "reference": "CORR-5"}""".formatted(invoice.id())), 201).body();
        assertThat(credit.get("document_type").asString()).isEqualTo("credit_note");
        assertThat(credit.get("total_with_vat").get("amount").toString()).isEqualTo("81.65");

        drain();
        for (JsonNode n : List.of(note, credit)) {
            String id = n.get("invoice_id").asString();
            byte[] xml = expect(api.asUser(user, "/portal/v1/invoices/" + id + "/xml"), 200).bytes();
            assertThat(IndependentStampVerifier.verify(xml).problems()).isEmpty();
            assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<cbc:ID>" + invoice.invoiceNumber() + "</cbc:ID>");
        }
        assertThat(new String(expect(api.asUser(user, "/portal/v1/invoices/" + note.get("invoice_id").asString() + "/xml"),
                200).bytes(), StandardCharsets.UTF_8)).contains(">383</cbc:InvoiceTypeCode>");

        // The corrections are the notes'; next month's invoice has none of them.
        events.captured(Order.of(merchant, entity, "SA", Currency.SAR), UUID.randomUUID(), "100.00", clock.instant()); // 3.50
        settlements.awaitLines(entity, 4);
        List<TaxInvoice> next = closeMonth();
        assertThat(next).hasSize(1);
        assertThat(next.getFirst().taxableAmount()).isEqualByComparingTo("3.50");
        assertTheWholeChainHolds();
    }

    private List<TaxInvoice> closeMonth() {
        settlements.advancePast(settlements.invoiceMonthEnd(entity));
        await().atMost(Settlements.PATIENCE).until(() -> jdbc.sql("""
                SELECT count(*) FROM settlement_profile WHERE legal_entity_id = :id AND invoice_month_end > :now""")
                .param("id", entity).param("now", java.sql.Timestamp.from(clock.instant())).query(Long.class).single() == 1);
        drain();
        TaxInvoices invoices = new TaxInvoices(jdbc);
        return jdbc.sql("SELECT id FROM tax_invoice WHERE legal_entity_id = :id AND issued_at >= :since ORDER BY icv")
                .param("id", entity).param("since", java.sql.Timestamp.from(clock.instant().minus(Duration.ofHours(1))))
                .query(UUID.class).list().stream().map(id -> invoices.find(id).orElseThrow()).toList();
    }

    private void drain() {
        await().atMost(Settlements.PATIENCE).until(() -> {
            worker.drain();
            return jdbc.sql("SELECT count(*) FROM zatca_submission WHERE state <> 'DONE'").query(Long.class).single() == 0;
        });
    }

    /** The issuer's whole chain, invoices and notes alike: ICV 1, 2, 3 ..., each PIH the hash of the one before. */
    private void assertTheWholeChainHolds() throws Exception {
        List<Map<String, Object>> chain = jdbc.sql("""
                        SELECT icv, document_type, invoice_hash, previous_hash, xml, cleared_xml FROM tax_invoice
                        WHERE issuer_vat_number = :vat ORDER BY icv""").param("vat", ISSUER_VAT).query().listOfRows();
        String previous = Base64.getEncoder().encodeToString(java.util.HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest("0".getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.US_ASCII));
        long icv = 1;
        boolean sawNote = false;
        for (Map<String, Object> document : chain) {
            assertThat(((Number) document.get("icv")).longValue()).isEqualTo(icv++);
            assertThat(document.get("previous_hash")).isEqualTo(previous);
            String hash = hash((byte[]) document.get("xml"));
            assertThat(document.get("invoice_hash")).isEqualTo(hash);
            if (document.get("cleared_xml") != null) {
                assertThat(hash((byte[]) document.get("cleared_xml"))).isEqualTo(hash);
            }
            sawNote |= !"INVOICE".equals(document.get("document_type"));
            previous = hash;
        }
        assertThat(sawNote).isTrue();
    }

    /** ZATCA's hash, recomputed without the service's code. */
    private static String hash(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element root = document.getDocumentElement();
        for (Node child = root.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            if (child instanceof Element e && ("UBLExtensions".equals(e.getLocalName()) || "Signature".equals(e.getLocalName())
                    || "AdditionalDocumentReference".equals(e.getLocalName()) && "QR".equals(e.getFirstChild().getTextContent()))) {
                root.removeChild(e);
            }
            child = next;
        }
        Init.init();
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N11_OMIT_COMMENTS).canonicalizeSubtree(document, canonical);
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(canonical.toByteArray()));
    }
}
