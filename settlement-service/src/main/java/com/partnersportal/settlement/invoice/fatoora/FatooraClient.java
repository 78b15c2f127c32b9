package com.partnersportal.settlement.invoice.fatoora;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * ZATCA's Fatoora API over HTTP: onboarding (compliance CSID with an OTP, compliance checks, production CSID and its
 * renewal) and submissions (clearance, reporting). Plain calls with ZATCA's headers ({@code Accept-Version: V2},
 * {@code Accept-Language: en}); what to make of a status, and retries, belong to the callers. An answer that never
 * came is an {@link UncheckedIOException}.
 */
@Component
public class FatooraClient {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final ZatcaProperties properties;
    private final HttpClient http;

    FatooraClient(ZatcaProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).build();
    }

    public FatooraModels.Csid complianceCsid(String csrBase64, String otp) {
        return csid(send("POST", "/compliance", Map.of("OTP", otp), Map.of("csr", csrBase64)));
    }

    public FatooraModels.Answer complianceCheck(FatooraModels.Csid compliance, FatooraModels.Submission submission) {
        return answer(send("POST", "/compliance/invoices", Map.of("Authorization", compliance.authorization()), submission));
    }

    public FatooraModels.Csid productionCsid(FatooraModels.Csid compliance) {
        return csid(send("POST", "/production/csids", Map.of("Authorization", compliance.authorization()),
                Map.of("compliance_request_id", String.valueOf(compliance.requestID()))));
    }

    public FatooraModels.Csid renewProductionCsid(FatooraModels.Csid production, String csrBase64, String otp) {
        return csid(send("PATCH", "/production/csids", Map.of("Authorization", production.authorization(), "OTP", otp),
                Map.of("csr", csrBase64)));
    }

    public FatooraModels.Answer clearance(FatooraModels.Csid production, FatooraModels.Submission submission) {
        return answer(send("POST", "/invoices/clearance/single",
                Map.of("Authorization", production.authorization(), "Clearance-Status", "1"), submission));
    }

    public FatooraModels.Answer reporting(FatooraModels.Csid production, FatooraModels.Submission submission) {
        return answer(send("POST", "/invoices/reporting/single",
                Map.of("Authorization", production.authorization(), "Clearance-Status", "0"), submission));
    }

    private FatooraModels.Csid csid(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new FatooraException(response.statusCode(), "ZATCA answered " + response.statusCode() + ": "
                    + (response.body() == null || response.body().isBlank() ? "(no body)" : response.body()));
        }
        FatooraModels.Csid csid = JSON.readValue(response.body(), FatooraModels.Csid.class);
        if (csid.binarySecurityToken() == null || csid.secret() == null) {
            throw new FatooraException(response.statusCode(), "ZATCA issued no CSID: " + response.body());
        }
        return csid;
    }

    private static FatooraModels.Answer answer(HttpResponse<String> response) {
        FatooraModels.SubmissionResult result = null;
        String body = response.body();
        if (body != null && body.trim().startsWith("{")) {
            try {
                result = JSON.readValue(body, FatooraModels.SubmissionResult.class);
            } catch (RuntimeException e) {
                result = null;
            }
        }
        return new FatooraModels.Answer(response.statusCode(), result, body);
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.baseUrl() + path))
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Accept-Version", "V2")
                .header("Accept-Language", "en")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("ZATCA did not answer " + method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while calling ZATCA", e));
        }
    }
}
