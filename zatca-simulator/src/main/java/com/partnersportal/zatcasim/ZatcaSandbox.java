package com.partnersportal.zatcasim;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * ZATCA's Fatoora API as its sandbox answers it, as a WireMock extension: {@code /e-invoicing/{environment}/...}
 * with {@code compliance}, {@code compliance/invoices}, {@code production/csids} (POST and PATCH for renewal),
 * {@code invoices/clearance/single} and {@code invoices/reporting/single}. Status codes follow ZATCA's: 200 passed,
 * 202 passed with warnings, 208 a document already cleared (its cleared copy again), 303 clearance switched off,
 * 400 rejected, 401 bad credentials, 409 a simplified document already reported. {@code POST /simulator/faults}
 * makes the next submissions fail with a given status and {@code POST /simulator/clearance} switches clearance off
 * and on, so that a sandbox can show every path.
 */
public final class ZatcaSandbox implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "zatca-sandbox";
    private static final Pattern PATH = Pattern.compile("/e-invoicing/(developer-portal|simulation|core)/(.+)");

    private final SimulatorAuthority authority;
    private final AtomicLong requestIds = new AtomicLong(1_234_567_890L);
    private final Map<String, Compliance> compliance = new ConcurrentHashMap<>();
    private final Set<String> complianceSerials = ConcurrentHashMap.newKeySet();
    private final Map<String, String> clearedByHash = new ConcurrentHashMap<>();
    private final Set<String> reportedHashes = ConcurrentHashMap.newKeySet();
    private final Deque<Integer> faults = new ArrayDeque<>();
    private volatile boolean clearanceEnabled = true;

    private record Compliance(String serial, String invoiceTypes, Set<String> passed) {
    }

    public ZatcaSandbox(Path stateDirectory, Duration productionValidity) {
        this.authority = new SimulatorAuthority(stateDirectory, productionValidity);
    }

    public ZatcaSandbox() {
        this(null, Duration.ofDays(365));
    }

    /** Routes everything to this extension on {@code server}, lowest priority, so that tests can stub over it. */
    public static void route(WireMockServer server) {
        server.stubFor(any(urlPathMatching("/(e-invoicing|simulator)/.*")).atPriority(10)
                .willReturn(ResponseDefinitionBuilder.responseDefinition().withTransformers(NAME)));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        Answer answer;
        try {
            answer = answer(request);
        } catch (IllegalArgumentException e) {
            answer = new Answer(400, Map.of("code", "Invalid-Request", "message", e.getMessage()));
        }
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition().withStatus(answer.status())
                .withHeader("Content-Type", "application/json")
                .withBody(answer.body() == null ? "" : Json.write(answer.body()));
        Integer delay = event.getResponseDefinition().getFixedDelayMilliseconds();
        return delay == null ? response.build() : response.withFixedDelay(delay).build();
    }

    record Answer(int status, Object body) {
    }

    private Answer answer(Request request) {
        String url = request.getUrl().split("\\?")[0];
        if (url.startsWith("/simulator/")) {
            return control(url, body(request));
        }
        Matcher path = PATH.matcher(url);
        if (!path.matches()) {
            return new Answer(404, Map.of("message", "no such endpoint"));
        }
        if (!"V2".equals(request.getHeader("Accept-Version"))) {
            return new Answer(400, Map.of("code", "Invalid-Version", "message", "Accept-Version V2 is required"));
        }
        String environment = path.group(1);
        String method = request.getMethod().getName();
        return switch (method + " " + path.group(2)) {
            case "POST compliance" -> complianceCsid(request, environment);
            case "POST compliance/invoices" -> complianceCheck(request);
            case "POST production/csids" -> productionCsid(request);
            case "PATCH production/csids" -> renewal(request, environment);
            case "POST invoices/clearance/single" -> submit(request, true);
            case "POST invoices/reporting/single" -> submit(request, false);
            default -> new Answer(404, Map.of("message", "no such endpoint"));
        };
    }

    private Answer control(String url, Map<String, Object> body) {
        synchronized (faults) {
            if (url.equals("/simulator/faults")) {
                int status = ((Number) body.getOrDefault("status", 503)).intValue();
                int times = ((Number) body.getOrDefault("times", 1)).intValue();
                for (int i = 0; i < times; i++) {
                    faults.add(status);
                }
                return new Answer(200, Map.of("pending_faults", List.copyOf(faults)));
            }
            if (url.equals("/simulator/clearance")) {
                clearanceEnabled = Boolean.TRUE.equals(body.get("enabled"));
                return new Answer(200, Map.of("clearance_enabled", clearanceEnabled));
            }
        }
        return new Answer(404, Map.of("message", "no such control"));
    }

    private Answer complianceCsid(Request request, String environment) {
        String otp = request.getHeader("OTP");
        if (otp == null || !otp.matches("\\d{6}") || otp.equals("000000")) {
            return new Answer(400, Map.of("code", "Invalid-OTP", "message", "The OTP is missing, expired or not valid"));
        }
        PKCS10CertificationRequest csr = CsrRules.parse(String.valueOf(body(request).get("csr")));
        List<String> problems = CsrRules.check(csr, environment);
        if (!problems.isEmpty()) {
            return new Answer(400, Map.of("code", "Invalid-CSR", "message", String.join("; ", problems)));
        }
        X509Certificate certificate = authority.issue(csr, false);
        String requestId = Long.toString(requestIds.incrementAndGet());
        complianceSerials.add(certificate.getSerialNumber().toString());
        compliance.put(requestId, new Compliance(certificate.getSerialNumber().toString(),
                CsrRules.egsFields(certificate).get("types"), ConcurrentHashMap.newKeySet()));
        return new Answer(200, csid(certificate, requestId));
    }

    private Answer complianceCheck(Request request) {
        X509Certificate credential = authenticate(request);
        if (credential == null || !complianceSerials.contains(credential.getSerialNumber().toString())) {
            return new Answer(401, null);
        }
        Integer fault = nextFault();
        if (fault != null) {
            return fault(fault);
        }
        Map<String, Object> body = body(request);
        DocumentRules.Verdict verdict = verdict(body, credential);
        if (!verdict.rejected()) {
            compliance.values().stream().filter(c -> c.serial().equals(credential.getSerialNumber().toString()))
                    .forEach(c -> c.passed().add(verdict.typeName().substring(0, 2) + ":" + verdict.typeCode()));
        }
        Map<String, Object> answer = results(verdict);
        answer.put(verdict.standard() ? "clearanceStatus" : "reportingStatus", verdict.rejected()
                ? (verdict.standard() ? "NOT_CLEARED" : "NOT_REPORTED") : (verdict.standard() ? "CLEARED" : "REPORTED"));
        return new Answer(verdict.rejected() ? 400 : 200, answer);
    }

    private Answer productionCsid(Request request) {
        X509Certificate credential = authenticate(request);
        if (credential == null || !complianceSerials.contains(credential.getSerialNumber().toString())) {
            return new Answer(401, null);
        }
        String requestId = String.valueOf(body(request).get("compliance_request_id"));
        Compliance checks = compliance.get(requestId);
        if (checks == null || !checks.serial().equals(credential.getSerialNumber().toString())) {
            return new Answer(400, Map.of("code", "Invalid-Request-ID", "message", "No compliance request " + requestId + " for this CSID"));
        }
        Set<String> required = new HashSet<>();
        if (checks.invoiceTypes().charAt(0) == '1') {
            required.addAll(List.of("01:388", "01:381", "01:383"));
        }
        if (checks.invoiceTypes().charAt(1) == '1') {
            required.addAll(List.of("02:388", "02:381", "02:383"));
        }
        if (!checks.passed().containsAll(required)) {
            Set<String> missing = new HashSet<>(required);
            missing.removeAll(checks.passed());
            return new Answer(400, Map.of("code", "Missing-Compliance-Steps",
                    "message", "The compliance checks have not passed for " + missing));
        }
        return new Answer(200, csid(issueProduction(request, checks, credential), Long.toString(requestIds.incrementAndGet())));
    }

    private X509Certificate issueProduction(Request request, Compliance checks, X509Certificate compliance) {
        // The production CSID is issued for the key and subject the compliance CSID was issued for.
        try {
            var builder = new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder(
                    org.bouncycastle.asn1.x500.X500Name.getInstance(compliance.getSubjectX500Principal().getEncoded()),
                    compliance.getPublicKey());
            byte[] san = compliance.getExtensionValue(org.bouncycastle.asn1.x509.Extension.subjectAlternativeName.getId());
            var generator = new org.bouncycastle.asn1.x509.ExtensionsGenerator();
            generator.addExtension(org.bouncycastle.asn1.x509.Extension.subjectAlternativeName, false,
                    org.bouncycastle.asn1.ASN1OctetString.getInstance(san).getOctets());
            builder.addAttribute(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, generator.generate());
            var signer = new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                    .setProvider(SimulatorAuthority.BC).build(authority.stampKey());
            return authority.issue(builder.build(signer), true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer renewal(Request request, String environment) {
        X509Certificate credential = authenticate(request);
        if (credential == null || complianceSerials.contains(credential.getSerialNumber().toString())) {
            return new Answer(401, null);
        }
        String otp = request.getHeader("OTP");
        if (otp == null || !otp.matches("\\d{6}") || otp.equals("000000")) {
            return new Answer(400, Map.of("code", "Invalid-OTP", "message", "The OTP is missing, expired or not valid"));
        }
        PKCS10CertificationRequest csr = CsrRules.parse(String.valueOf(body(request).get("csr")));
        List<String> problems = CsrRules.check(csr, environment);
        if (!problems.isEmpty()) {
            return new Answer(400, Map.of("code", "Invalid-CSR", "message", String.join("; ", problems)));
        }
        return new Answer(200, csid(authority.issue(csr, true), Long.toString(requestIds.incrementAndGet())));
    }

    private Answer submit(Request request, boolean clearance) {
        X509Certificate credential = authenticate(request);
        if (credential == null || complianceSerials.contains(credential.getSerialNumber().toString())) {
            return new Answer(401, null);
        }
        Integer fault = nextFault();
        if (fault != null) {
            return fault(fault);
        }
        if (clearance && (!clearanceEnabled || "0".equals(request.getHeader("Clearance-Status")))) {
            return new Answer(303, Map.of("message", "Clearance is deactivated. Please use the /invoices/reporting/single endpoint."));
        }
        Map<String, Object> body = body(request);
        DocumentRules.Verdict verdict = verdict(body, credential);
        Map<String, Object> answer = results(verdict);
        if (clearance) {
            if (verdict.typeName() != null && verdict.typeName().startsWith("02")) {
                verdict.errors().add(DocumentRules.message("ERROR", "invoice-type", "KSA", "Simplified documents are reported, not cleared"));
                answer = results(verdict);
            }
            if (verdict.rejected()) {
                answer.put("clearanceStatus", "NOT_CLEARED");
                answer.put("clearedInvoice", null);
                return new Answer(400, answer);
            }
            String earlier = clearedByHash.get(verdict.hash());
            if (earlier != null) {
                warn(answer, DocumentRules.message("WARNING", "Invoice-Warning", "Duplicate-Invoice", "Invoice Hash Previously submitted."));
                answer.put("clearanceStatus", "CLEARED");
                answer.put("clearedInvoice", earlier);
                return new Answer(208, answer);
            }
            String cleared = Base64.getEncoder().encodeToString(ClearanceStamp.clear(verdict.document(), verdict.hash(), authority));
            clearedByHash.put(verdict.hash(), cleared);
            answer.put("clearanceStatus", "CLEARED");
            answer.put("clearedInvoice", cleared);
            return new Answer(verdict.warnings().isEmpty() ? 200 : 202, answer);
        }
        if (verdict.rejected()) {
            answer.put("reportingStatus", "NOT_REPORTED");
            return new Answer(400, answer);
        }
        if (!reportedHashes.add(verdict.hash())) {
            answer.put("reportingStatus", "REPORTED");
            return new Answer(409, answer);
        }
        answer.put("reportingStatus", "REPORTED");
        return new Answer(verdict.warnings().isEmpty() ? 200 : 202, answer);
    }

    private DocumentRules.Verdict verdict(Map<String, Object> body, X509Certificate credential) {
        byte[] xml = Base64.getDecoder().decode(String.valueOf(body.get("invoice")));
        return DocumentRules.check(xml, String.valueOf(body.get("invoiceHash")), String.valueOf(body.get("uuid")), credential);
    }

    private static Map<String, Object> results(DocumentRules.Verdict verdict) {
        Map<String, Object> validation = new LinkedHashMap<>();
        validation.put("infoMessages", verdict.infos());
        validation.put("warningMessages", verdict.warnings());
        validation.put("errorMessages", verdict.errors());
        validation.put("status", verdict.rejected() ? "ERROR" : verdict.warnings().isEmpty() ? "PASS" : "WARNING");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("validationResults", validation);
        return answer;
    }

    @SuppressWarnings("unchecked")
    private static void warn(Map<String, Object> answer, Map<String, String> warning) {
        Map<String, Object> validation = (Map<String, Object>) answer.get("validationResults");
        List<Map<String, String>> warnings = new ArrayList<>((List<Map<String, String>>) validation.get("warningMessages"));
        warnings.add(warning);
        validation.put("warningMessages", warnings);
        validation.put("status", "WARNING");
    }

    private Integer nextFault() {
        synchronized (faults) {
            return faults.poll();
        }
    }

    private static Answer fault(int status) {
        if (status == 400) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("validationResults", Map.of("infoMessages", List.of(), "warningMessages", List.of(),
                    "errorMessages", List.of(DocumentRules.message("ERROR", "BR-KSA-98", "KSA",
                            "Simulated rejection: the document breaks a business rule")), "status", "ERROR"));
            answer.put("clearanceStatus", "NOT_CLEARED");
            return new Answer(400, answer);
        }
        return new Answer(status, status >= 500 ? Map.of("message", "Something went wrong") : null);
    }

    private Map<String, Object> csid(X509Certificate certificate, String requestId) {
        try {
            String token = Base64.getEncoder().encodeToString(Base64.getEncoder().encodeToString(certificate.getEncoded())
                    .getBytes(StandardCharsets.US_ASCII));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("requestID", Long.parseLong(requestId));
            answer.put("dispositionMessage", "ISSUED");
            answer.put("binarySecurityToken", token);
            answer.put("secret", authority.secretFor(certificate));
            answer.put("errors", null);
            return answer;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate in {@code Authorization: Basic base64(token:secret)}, if this CA issued it with that secret. */
    private X509Certificate authenticate(Request request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            return null;
        }
        try {
            String[] credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8).split(":", 2);
            byte[] der = Base64.getDecoder().decode(new String(Base64.getDecoder().decode(credentials[0]), StandardCharsets.US_ASCII));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509", SimulatorAuthority.BC)
                    .generateCertificate(new ByteArrayInputStream(der));
            boolean valid = authority.issued(certificate) && authority.secretFor(certificate).equals(credentials[1]);
            certificate.checkValidity();
            return valid ? certificate : null;
        } catch (Exception e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Request request) {
        String text = request.getBodyAsString();
        return text == null || text.isBlank() ? Map.of() : Json.read(text, Map.class);
    }
}
