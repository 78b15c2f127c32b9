package com.partnersportal.orders.export;

import com.partnersportal.kit.links.SignedLinks;
import com.partnersportal.kit.caller.Revocations;
import com.partnersportal.kit.problem.ApiProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mailed link: serves a finished export's file to whoever holds a valid, unexpired signed link (the gateway
 * routes {@code /downloads/order-exports/**} here without a session, as a mail client opens it). A link stops
 * working as soon as its requester's access is revoked: the revocation view answers at once, the export's
 * {@code revoked} status (recorded from the same event) for as long as the link would live.
 */
@RestController
class ExportDownloadController {

    private final OrderExportRepository exports;
    private final ExportFiles files;
    private final SignedLinks links;
    private final Revocations revocations;
    private final Clock clock;

    ExportDownloadController(OrderExportRepository exports, ExportFiles files, SignedLinks links,
            Revocations revocations, Clock clock) {
        this.exports = exports;
        this.revocations = revocations;
        this.files = files;
        this.links = links;
        this.clock = clock;
    }

    @GetMapping("/downloads/order-exports/{exportId}")
    ResponseEntity<Resource> download(@PathVariable String exportId, @RequestParam(required = false) Long expires,
            @RequestParam(required = false) String signature) {
        UUID id = parse(exportId);
        if (expires == null || !links.verifies(id.toString(), expires, signature)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "download_link_invalid",
                    "This download link is not valid. Ask for a new export in the portal.");
        }
        if (Instant.ofEpochSecond(expires).isBefore(clock.instant())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "download_link_expired",
                    "This download link has expired. Ask for a new export in the portal.");
        }
        OrderExport export = exports.findById(id).orElseThrow(ExportDownloadController::noLongerAvailable);
        if (export.status() == ExportStatus.REVOKED || revocations.refuses(export.requestedBy(), export.createdAt())) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "download_link_revoked",
                    "This download link no longer works: the access of the user who asked for it was revoked.");
        }
        if (export.status() != ExportStatus.DONE) {
            throw noLongerAvailable();
        }
        Path file = files.finished(export.id());
        if (!Files.exists(file)) {
            throw noLongerAvailable();
        }
        String name = "orders-%s-to-%s.csv".formatted(export.createdFrom(), export.createdTo());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new FileSystemResource(file));
    }

    private static ApiProblem noLongerAvailable() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "download_link_expired",
                "This export is no longer available. Ask for a new export in the portal.");
    }

    private static UUID parse(String exportId) {
        try {
            return UUID.fromString(exportId);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "download_link_invalid", "This download link is not valid.");
        }
    }
}
