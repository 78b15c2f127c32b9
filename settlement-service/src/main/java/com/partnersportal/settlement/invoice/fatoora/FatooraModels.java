package com.partnersportal.settlement.invoice.fatoora;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The Fatoora API's request and response bodies (camelCase JSON, as ZATCA names them). */
public final class FatooraModels {

    private FatooraModels() {
    }

    /** A CSID as the API hands it out: the token (base64 of the base64 DER certificate), its secret, the request. */
    public record Csid(Long requestID, String dispositionMessage, String binarySecurityToken, String secret) {

        /** The certificate's DER bytes, out of the token. */
        public byte[] certificateDer() {
            return Base64.getDecoder().decode(new String(Base64.getDecoder().decode(binarySecurityToken), StandardCharsets.US_ASCII));
        }

        public String authorization() {
            return "Basic " + Base64.getEncoder().encodeToString((binarySecurityToken + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code invoiceHash}, {@code uuid} and {@code invoice}: the base64 of the exact XML bytes whose hash is given. */
    public record Submission(String invoiceHash, String uuid, String invoice) {

        public static Submission of(String invoiceHash, String uuid, byte[] xml) {
            return new Submission(invoiceHash, uuid, Base64.getEncoder().encodeToString(xml));
        }
    }

    public record Message(String type, String code, String category, String message, String status) {
    }

    public record ValidationResults(List<Message> infoMessages, List<Message> warningMessages,
            List<Message> errorMessages, String status) {

        public List<Message> warnings() {
            return warningMessages == null ? List.of() : warningMessages;
        }

        public List<Message> errors() {
            return errorMessages == null ? List.of() : errorMessages;
        }
    }

    public record SubmissionResult(ValidationResults validationResults, String clearanceStatus, String reportingStatus,
            String clearedInvoice) {
    }

    /** What the API answered: its HTTP status, the body read as a submission result (when it was one), the text. */
    public record Answer(int status, SubmissionResult result, String body) {
    }
}
