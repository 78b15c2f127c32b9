package com.partnersportal.settlement.invoice;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.partnersportal.settlement.testing.SettlementApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.deployment.DeploymentProperties;
import com.partnersportal.kit.secrets.SecretEncryption;
import com.partnersportal.kit.time.SandboxClock;
import com.partnersportal.settlement.invoice.egs.CsidWatch;
import com.partnersportal.settlement.invoice.egs.EgsUnits;
import com.partnersportal.settlement.invoice.egs.Onboarding;
import com.partnersportal.settlement.invoice.fatoora.FatooraClient;
import com.partnersportal.settlement.invoice.fatoora.FatooraModels;
import com.partnersportal.settlement.invoice.fatoora.ZatcaProperties;
import com.partnersportal.settlement.testing.Events;
import com.partnersportal.settlement.testing.Events.Order;
import com.partnersportal.settlement.testing.IndependentStampVerifier;
import com.partnersportal.settlement.testing.SettlementApi;
import com.partnersportal.settlement.testing.SettlementIntegrationTest;
import com.partnersportal.settlement.testing.Settlements;
import com.partnersportal.settlement.testing.ZatcaSandboxServer;
import com.partnersportal.testsupport.TestAccessTokens;
import com.partnersportal.types.Currency;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Clearance against the ZATCA simulator in WireMock: what is sent is our stamped document (verified independently),
 * what the merchant downloads is exactly the copy ZATCA returned (with ZATCA's stamp), warnings and rejections are
 * kept for operators, nothing is shared or announced before clearance, 5xx answers are retried with the same bytes,
 * a switched-off clearance means reporting, and a restart in the middle of a submission sends no second document.
 */
@SettlementIntegrationTest
class ClearanceIT {

    private static final String CLEARANCE = "/e-invoicing/developer-portal/invoices/clearance/single";

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
    Submissions submissions;
    @Autowired
    EgsUnits units;
    @Autowired
    ClearanceRecorder recorder;
    @Autowired
    ZatcaProperties properties;
    @Autowired
    IssuerProperties issuer;
    @Autowired
    FatooraClient fatoora;
    @Autowired
    CsidWatch csidWatch;
    @Autowired
    ZatcaSubmitter submitter;
    @Autowired
    Onboarding onboarding;
    @Autowired
    DeploymentProperties deployment;
    @Autowired
    SecretEncryption secrets;

    private Events events;
    private SettlementApi api;
    private Settlements settlements;

    @BeforeEach
    void setUp() {
        events = new Events(brokers);
        api = new SettlementApi(port);
        settlements = new Settlements(jdbc, api, clock);
        await().atMost(Duration.ofSeconds(60)).until(() -> units.active("developer-portal").isPresent());
        drainAll();
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void theMerchantGetsExactlyWhatZatcaClearedAndOperatorsSeeItsWarnings() throws Exception {
        Merchant m = merchantWithFees("400.00");
        TaxInvoice invoice = issue(m);
        assertThat(invoice.clearanceStatus()).isEqualTo(ClearanceStatus.PENDING);
        assertThat(expect(api.asUser(m.token(), "/portal/v1/invoices/" + invoice.id() + "/xml"), 409).errorCode())
                .isEqualTo("invoice_not_cleared");
        assertThat(events(invoice.id())).isZero();

        drainAll();

        ServeEvent sent = lastClearanceOf(invoice.id());
        JsonNode request = SettlementApi.JSON.readTree(sent.getRequest().getBodyAsString());
        byte[] submitted = Base64.getDecoder().decode(request.get("invoice").asString());
        IndependentStampVerifier.Result ours = IndependentStampVerifier.verify(submitted);
        assertThat(ours.problems()).isEmpty();
        assertThat(ours.certificate()).isEqualTo(units.active("developer-portal").orElseThrow().identity().certificate());
        assertThat(request.get("invoiceHash").asString()).isEqualTo(ours.invoiceHash()).isEqualTo(invoice.invoiceHash());
        assertThat(request.get("uuid").asString()).isEqualTo(invoice.id().toString());
        assertThat(sent.getRequest().getHeader("Authorization")).startsWith("Basic ");
        assertThat(sent.getRequest().getHeader("Accept-Version")).isEqualTo("V2");

        assertThat(sent.getResponse().getStatus()).isEqualTo(202);
        byte[] cleared = Base64.getDecoder().decode(SettlementApi.JSON.readTree(sent.getResponse().getBodyAsString())
                .get("clearedInvoice").asString());
        byte[] downloaded = expect(api.asUser(m.token(), "/portal/v1/invoices/" + invoice.id() + "/xml"), 200).bytes();
        assertThat(downloaded).isEqualTo(cleared);
        IndependentStampVerifier.Result zatcas = IndependentStampVerifier.verify(downloaded);
        assertThat(zatcas.problems()).isEmpty();
        assertThat(zatcas.invoiceHash()).isEqualTo(invoice.invoiceHash());
        assertThat(zatcas.certificate()).isNotEqualTo(ours.certificate());
        assertThat(zatcas.qr()).containsOnlyKeys(1, 2, 3, 4, 5, 6, 7, 8);

        JsonNode view = expect(api.asUser(m.token(), "/portal/v1/invoices/" + invoice.id()), 200).body();
        assertThat(view.get("clearance_status").asString()).isEqualTo("cleared_with_warnings");
        assertThat(Base64.getDecoder().decode(view.get("qr_code").asString()))
                .isEqualTo(Base64.getDecoder().decode(qrOf(downloaded)));
        JsonNode operator = expect(api.asOperator(HttpMethod.GET, "/operator/v1/settlement/zatca/documents/" + invoice.id(),
                null), 200).body();
        assertThat(operator.get("submission_state").asString()).isEqualTo("done");
        JsonNode last = operator.get("responses").get(0);
        assertThat(last.get("http_status").asInt()).isEqualTo(202);
        assertThat(last.get("warnings").valueStream().map(w -> w.get("code").asString()).toList())
                .contains("BR-KSA-63", "BR-KSA-67");
        assertThat(events(invoice.id())).isEqualTo(1);
    }

    @Test
    void aRejectionIsKeptForOperatorsNeverSharedAndTheChainGoesOnPastIt() {
        Merchant m = merchantWithFees("300.00");
        TaxInvoice rejected = issue(m);
        fault(400, 1);
        drainAll();

        TaxInvoice after = jdbcFind(rejected.id());
        assertThat(after.clearanceStatus()).isEqualTo(ClearanceStatus.REJECTED);
        JsonNode operator = expect(api.asOperator(HttpMethod.GET,
                "/operator/v1/settlement/zatca/documents?status=rejected", null), 200).body().get("documents");
        JsonNode mine = operator.valueStream().filter(d -> d.get("document_id").asString().equals(rejected.id().toString()))
                .findFirst().orElseThrow();
        assertThat(mine.get("responses").get(0).get("http_status").asInt()).isEqualTo(400);
        assertThat(mine.get("responses").get(0).get("errors").get(0).get("code").asString()).isEqualTo("BR-KSA-98");
        expect(api.asUser(m.token(), "/portal/v1/invoices/" + rejected.id()), 404);
        assertThat(expect(api.asUser(m.token(), "/portal/v1/invoices"), 200).body().get("invoices")).isEmpty();
        assertThat(events(rejected.id())).isZero();

        Merchant next = merchantWithFees("100.00");
        TaxInvoice following = issue(next);
        assertThat(following.icv()).isEqualTo(rejected.icv() + 1);
        assertThat(following.previousHash()).isEqualTo(rejected.invoiceHash());
        drainAll();
        assertThat(jdbcFind(following.id()).clearanceStatus().shareable()).isTrue();

        // Once its cause is fixed, operators issue it again: a new document, later in the chain, cleared and shared.
        String reissue = "/operator/v1/settlement/zatca/documents/" + rejected.id() + "/reissue";
        JsonNode replacement = expect(api.asOperator(HttpMethod.POST, reissue, null), 201).body();
        assertThat(replacement.get("icv").asLong()).isGreaterThan(following.icv());
        assertThat(replacement.get("total_with_vat").get("amount").toString()).isEqualTo(rejected.totalWithVat().toPlainString());
        assertThat(expect(api.asOperator(HttpMethod.POST, reissue, null), 409).errorCode()).isEqualTo("document_already_reissued");
        assertThat(expect(api.asOperator(HttpMethod.POST, "/operator/v1/settlement/zatca/documents/" + following.id()
                + "/reissue", null), 409).errorCode()).isEqualTo("document_not_rejected");
        drainAll();
        JsonNode listed = expect(api.asUser(m.token(), "/portal/v1/invoices"), 200).body().get("invoices");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("invoice_id").asString()).isEqualTo(replacement.get("document_id").asString());
        assertThat(listed.get(0).get("billing_month").asString()).isEqualTo(rejected.billingMonth().toString());
        assertThat(events(UUID.fromString(replacement.get("document_id").asString()))).isEqualTo(1);
    }

    @Test
    void answersThatMeanNotReceivedAreRetriedWithTheSameBytes() {
        Merchant m = merchantWithFees("250.00");
        TaxInvoice invoice = issue(m);
        fault(503, 1);
        fault(429, 1);
        drainAll();

        List<ServeEvent> sends = clearancesOf(invoice.id());
        assertThat(sends).hasSize(3);
        assertThat(sends.stream().map(e -> e.getResponse().getStatus()).toList()).containsExactlyInAnyOrder(503, 429, 202);
        assertThat(sends.stream().map(e -> e.getRequest().getBodyAsString()).distinct()).hasSize(1);
        assertThat(jdbcFind(invoice.id()).clearanceStatus()).isEqualTo(ClearanceStatus.CLEARED_WITH_WARNINGS);
        assertThat(events(invoice.id())).isEqualTo(1);
    }

    @Test
    void refusedCredentialsHoldTheDocumentForOperatorsWhoBringItForwardOnceFixed() {
        // As in production: no sandbox OTP, so nothing onboards itself.
        ClearanceWorker operated = new ClearanceWorker(submissions, units, submitter, recorder, properties, issuer,
                attendedWatch(), new SimpleMeterRegistry());
        Merchant m = merchantWithFees("210.00");
        TaxInvoice invoice = issue(m);
        fault(401, 1);
        operated.drain();

        assertThat(clearancesOf(invoice.id())).hasSize(1);
        assertThat(state(invoice.id())).isEqualTo("QUEUED");
        JsonNode held = expect(api.asOperator(HttpMethod.GET, "/operator/v1/settlement/zatca/documents/" + invoice.id(),
                null), 200).body();
        assertThat(held.get("clearance_status").asString()).isEqualTo("pending");
        assertThat(held.get("last_error").asString()).contains("refused the production CSID");
        assertThat(held.get("responses").get(0).get("outcome").asString()).isEqualTo("unauthorized");
        operated.drain();
        assertThat(clearancesOf(invoice.id())).as("waits for operators, not resent at once").hasSize(1);

        expect(api.asOperator(HttpMethod.POST, "/operator/v1/settlement/zatca/documents/" + invoice.id() + "/retry", null), 200);
        drainAll();
        assertThat(clearancesOf(invoice.id())).hasSize(2);
        assertThat(jdbcFind(invoice.id()).clearanceStatus().shareable()).isTrue();
        assertThat(expect(api.asOperator(HttpMethod.POST, "/operator/v1/settlement/zatca/documents/" + invoice.id()
                + "/retry", null), 409).errorCode()).isEqualTo("submission_not_waiting");
    }

    @Test
    void aSandboxWhoseCredentialsZatcaNoLongerKnowsOnboardsANewUnitAndSendsTheDocumentAgainStampedByIt() {
        // As when the simulator runs with another checkout's state (.run/) than the one the shared database onboarded
        // with: the unit's credentials mean nothing to it any more.
        EgsUnits.Active refused = units.active("developer-portal").orElseThrow();
        jdbc.sql("UPDATE zatca_egs_unit SET production_secret = :secret WHERE id = :id").param("id", refused.unitId())
                .param("secret", secrets.encrypt("a secret the simulator never issued", refused.unitId() + ":production_secret"))
                .update();
        Merchant m = merchantWithFees("220.00");
        TaxInvoice invoice = issue(m);

        drainAll();

        List<ServeEvent> sends = clearancesOf(invoice.id());
        assertThat(sends).hasSize(2);
        assertThat(sends.getFirst().getResponse().getStatus()).isEqualTo(401);
        EgsUnits.Active replacement = units.active("developer-portal").orElseThrow();
        assertThat(replacement.unitId()).isNotEqualTo(refused.unitId());
        JsonNode resent = SettlementApi.JSON.readTree(sends.getLast().getRequest().getBodyAsString());
        IndependentStampVerifier.Result stamp = IndependentStampVerifier.verify(
                Base64.getDecoder().decode(resent.get("invoice").asString()));
        assertThat(stamp.problems()).isEmpty();
        assertThat(stamp.certificate()).isEqualTo(replacement.identity().certificate())
                .isNotEqualTo(refused.identity().certificate());
        assertThat(resent.get("invoiceHash").asString()).isEqualTo(invoice.invoiceHash());
        assertThat(jdbcFind(invoice.id()).clearanceStatus().shareable()).isTrue();
        assertThat(expect(api.asUser(m.token(), "/portal/v1/invoices/" + invoice.id() + "/xml"), 200).bytes())
                .isEqualTo(clearedCopy(sends.getLast()));
        JsonNode egs = expect(api.asOperator(HttpMethod.GET, "/operator/v1/settlement/zatca/egs", null), 200).body();
        assertThat(egs.get("units").valueStream().filter(u -> u.get("unit_id").asString().equals(refused.unitId().toString()))
                .findFirst().orElseThrow().get("status").asString()).isEqualTo("superseded");
        assertThat(events(invoice.id())).isEqualTo(1);
    }

    /** The watch as production runs it: without the sandbox OTP, a refused credential waits for operators. */
    private CsidWatch attendedWatch() {
        ZatcaProperties attended = new ZatcaProperties(properties.environment(), properties.baseUrl(),
                properties.connectTimeout(), properties.readTimeout(), properties.encryptionKey(),
                properties.previousEncryptionKeys(), null, properties.renewBefore(), properties.egs(), properties.submissions());
        return new CsidWatch(onboarding, attended, deployment, clock, new SimpleMeterRegistry());
    }

    @Test
    void withClearanceSwitchedOffTheDocumentIsReportedAndSharedWithOurStamp() {
        Merchant m = merchantWithFees("150.00");
        TaxInvoice invoice = issue(m);
        control("/simulator/clearance", "{\"enabled\": false}");
        try {
            drainAll();
        } finally {
            control("/simulator/clearance", "{\"enabled\": true}");
        }
        assertThat(jdbcFind(invoice.id()).clearanceStatus()).isEqualTo(ClearanceStatus.REPORTED);
        assertThat(ZatcaSandboxServer.server().findAll(postRequestedFor(urlPathEqualTo(
                "/e-invoicing/developer-portal/invoices/reporting/single")))).isNotEmpty();
        byte[] xml = expect(api.asUser(m.token(), "/portal/v1/invoices/" + invoice.id() + "/xml"), 200).bytes();
        IndependentStampVerifier.Result stamp = IndependentStampVerifier.verify(xml);
        assertThat(stamp.problems()).isEmpty();
        assertThat(stamp.certificate()).isEqualTo(units.active("developer-portal").orElseThrow().identity().certificate());
        assertThat(events(invoice.id())).isEqualTo(1);
    }

    /** The JVM dies right after the request left (the answer is lost), or right before. */
    static final class SimulatedCrash extends Error {
    }

    private ClearanceWorker crashing(boolean afterSending) {
        ZatcaSubmitter dying = new ZatcaSubmitter(fatoora, new SimpleMeterRegistry()) {
            @Override
            FatooraModels.Answer clearance(FatooraModels.Csid csid, FatooraModels.Submission submission) {
                if (afterSending) {
                    super.clearance(csid, submission);
                }
                throw new SimulatedCrash();
            }
        };
        return new ClearanceWorker(submissions, units, dying, recorder, properties, issuer, csidWatch, new SimpleMeterRegistry());
    }

    @Test
    void aRestartInTheMiddleOfASubmissionSendsNoSecondDocumentAndTellsTheMerchantOnce() {
        Merchant m = merchantWithFees("500.00");
        TaxInvoice invoice = issue(m);

        // The replica claims the document, sends it and dies before the answer is recorded.
        assertThatThrownBy(() -> crashing(true).drain()).isInstanceOf(SimulatedCrash.class);
        assertThat(clearancesOf(invoice.id())).hasSize(1);
        assertThat(state(invoice.id())).isEqualTo("SENDING");

        // Restarted replicas find the lease: nothing is sent while it may still be in flight.
        worker.drain();
        worker.drain();
        assertThat(clearancesOf(invoice.id())).hasSize(1);
        assertThat(jdbcFind(invoice.id()).clearanceStatus()).isEqualTo(ClearanceStatus.PENDING);

        // Once the lease has run out, the same bytes go again; ZATCA knows them (208) and returns its cleared copy.
        ((SandboxClock) clock).advance(properties.submissions().lease().plusSeconds(1));
        worker.drain();
        List<ServeEvent> sends = clearancesOf(invoice.id());
        assertThat(sends).hasSize(2);
        assertThat(sends.get(0).getRequest().getBodyAsString()).isEqualTo(sends.get(1).getRequest().getBodyAsString());
        assertThat(sends.stream().map(e -> e.getResponse().getStatus()).toList()).containsExactlyInAnyOrder(202, 208);
        byte[] first = clearedCopy(sends.stream().filter(e -> e.getResponse().getStatus() == 202).findFirst().orElseThrow());
        assertThat(expect(api.asUser(m.token(), "/portal/v1/invoices/" + invoice.id() + "/xml"), 200).bytes()).isEqualTo(first);
        assertThat(events(invoice.id())).isEqualTo(1);

        // Later drains, on any replica, leave it alone.
        worker.drain();
        crashing(true).drain();
        assertThat(clearancesOf(invoice.id())).hasSize(2);
        assertThat(events(invoice.id())).isEqualTo(1);

        // A replica that dies after claiming but before sending: the document goes once, after the lease.
        TaxInvoice second = issue(merchantWithFees("120.00"));
        assertThatThrownBy(() -> crashing(false).drain()).isInstanceOf(SimulatedCrash.class);
        worker.drain();
        assertThat(clearancesOf(second.id())).isEmpty();
        ((SandboxClock) clock).advance(properties.submissions().lease().plusSeconds(1));
        worker.drain();
        assertThat(clearancesOf(second.id())).hasSize(1);
        assertThat(jdbcFind(second.id()).clearanceStatus().shareable()).isTrue();
        assertThat(events(second.id())).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private record Merchant(UUID merchant, UUID entity, String token) {
    }

    private Merchant merchantWithFees(String captured) {
        UUID merchant = UUID.randomUUID();
        UUID entity = UUID.randomUUID();
        events.legalEntity(merchant, entity, "SA", "SAR", "Asia/Riyadh", "300000000000003");
        settlements.awaitRegistered(entity);
        events.captured(Order.of(merchant, entity, "SA", Currency.SAR), UUID.randomUUID(), captured, clock.instant());
        settlements.awaitLines(entity, 1);
        return new Merchant(merchant, entity, TestAccessTokens.user(merchant, UUID.randomUUID(),
                Set.of(Permission.INVOICES_VIEW, Permission.INVOICES_EXPORT), Set.of()));
    }

    private TaxInvoice issue(Merchant m) {
        JsonNode closed = expect(api.asOperator(HttpMethod.POST,
                "/operator/v1/settlement/legal-entities/" + m.entity() + "/close-month", null), 200).body();
        return jdbcFind(UUID.fromString(closed.get("invoice_ids").get(0).asString()));
    }

    private TaxInvoice jdbcFind(UUID id) {
        return new TaxInvoices(jdbc).find(id).orElseThrow();
    }

    private void drainAll() {
        await().atMost(Settlements.PATIENCE).until(() -> {
            worker.drain();
            return jdbc.sql("SELECT count(*) FROM zatca_submission WHERE state <> 'DONE'").query(Long.class).single() == 0;
        });
    }

    private String state(UUID id) {
        return jdbc.sql("SELECT state FROM zatca_submission WHERE document_id = :id").param("id", id).query(String.class).single();
    }

    private long events(UUID id) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE message_key = :id").param("id", id.toString())
                .query(Long.class).single();
    }

    private static List<ServeEvent> clearancesOf(UUID id) {
        return ZatcaSandboxServer.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(CLEARANCE))
                .filter(e -> e.getRequest().getBodyAsString().contains("\"uuid\":\"" + id + "\""))
                .sorted(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

    private static ServeEvent lastClearanceOf(UUID id) {
        return clearancesOf(id).getLast();
    }

    private static byte[] clearedCopy(ServeEvent event) {
        return Base64.getDecoder().decode(SettlementApi.JSON.readTree(event.getResponse().getBodyAsString())
                .get("clearedInvoice").asString());
    }

    private static String qrOf(byte[] xml) {
        String text = new String(xml, StandardCharsets.UTF_8);
        int qr = text.indexOf("<cbc:ID>QR</cbc:ID>");
        int start = text.indexOf(">", text.indexOf("EmbeddedDocumentBinaryObject", qr)) + 1;
        return text.substring(start, text.indexOf("<", start));
    }

    private static void fault(int status, int times) {
        control("/simulator/faults", "{\"status\": " + status + ", \"times\": " + times + "}");
    }

    private static void control(String path, String body) {
        RestClient.create("http://127.0.0.1:" + ZatcaSandboxServer.server().port()).post().uri(path)
                .header("Content-Type", "application/json").body(body).retrieve().toBodilessEntity();
    }
}
