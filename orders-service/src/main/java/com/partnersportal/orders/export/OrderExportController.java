package com.partnersportal.orders.export;

import com.partnersportal.kit.links.SignedLinks;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Authorize;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.events.EventJson;
import com.partnersportal.kit.money.MoneyReader;
import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.orders.order.OrderStatus;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Export Orders CSV": a user asks for the orders of a date range, gets 202 with the export's id at once, follows
 * its progress, and receives the download link by mail (and here) when it is done.
 */
@RestController
class OrderExportController {

    private static final String DEFAULT_TIME_ZONE = "Asia/Riyadh";

    private final OrderExportRepository exports;
    private final SignedLinks links;
    private final ExportProperties properties;
    private final Clock clock;

    OrderExportController(OrderExportRepository exports, SignedLinks links, ExportProperties properties, Clock clock) {
        this.exports = exports;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    @Authorize(kind = Caller.Kind.USER, permissions = Permission.ORDERS_EXPORT)
    @PostMapping("/portal/v1/order-exports")
    ResponseEntity<ExportView> request(Caller caller, @Valid @RequestBody ExportRequest request) {
        caller.requireUser(Permission.ORDERS_EXPORT);
        if (request.createdTo().isBefore(request.createdFrom())) {
            throw ApiProblem.invalidField("created_to", "must not be before created_from");
        }
        if (ChronoUnit.DAYS.between(request.createdFrom(), request.createdTo()) >= properties.maxDays()) {
            throw ApiProblem.invalidField("created_to", "the range may span at most " + properties.maxDays() + " days");
        }
        String zone = zone(request.timeZone());
        if (request.statuses() != null) {
            request.statuses().forEach(status -> OrderStatus.fromWireName(status)
                    .orElseThrow(() -> ApiProblem.invalidField("statuses", "has an unknown status")));
        }
        if (!caller.legalEntities().isEmpty() && (request.legalEntityId() == null
                || !caller.sees(request.legalEntityId()))) {
            throw ApiProblem.invalidField("legal_entity_id", "must name one of the legal entities you may see");
        }
        ExportFilters filters = new ExportFilters(request.statuses(),
                MoneyReader.bound("amount_min", request.amountMin()), MoneyReader.bound("amount_max", request.amountMax()),
                request.currency(), request.countryCode(), request.legalEntityId(), request.paymentType(),
                Boolean.TRUE.equals(request.includeHidden()));
        OrderExport export = exports.save(OrderExport.queue(caller.requireMerchant(), caller.actorId(), caller.email(),
                caller.name(), caller.locale(), new String(EventJson.write(filters), StandardCharsets.UTF_8),
                request.createdFrom(), request.createdTo(), zone, clock.instant()));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Location", "/portal/v1/order-exports/" + export.id())
                .body(view(export));
    }

    @GetMapping("/portal/v1/order-exports/{exportId}")
    ExportView status(Caller caller, @PathVariable String exportId) {
        caller.requireUser(Permission.ORDERS_EXPORT);
        return view(own(caller, exportId));
    }

    @GetMapping("/portal/v1/order-exports")
    Map<String, List<ExportView>> mine(Caller caller) {
        caller.requireUser(Permission.ORDERS_EXPORT);
        return Map.of("exports", exports.findTop50ByMerchantIdAndRequestedByOrderByCreatedAtDesc(caller.requireMerchant(),
                caller.actorId()).stream().map(this::view).toList());
    }

    /** Exports are the requester's own: another user's (or merchant's) export id is not found. */
    private OrderExport own(Caller caller, String exportId) {
        try {
            return exports.findByIdAndMerchantId(UUID.fromString(exportId), caller.requireMerchant())
                    .filter(export -> export.requestedBy().equals(caller.actorId()))
                    .orElseThrow(() -> notFound(exportId));
        } catch (IllegalArgumentException e) {
            throw notFound(exportId);
        }
    }

    private ExportView view(OrderExport export) {
        String link = export.status() == ExportStatus.DONE
                ? links.link(ExportConfiguration.downloadPath(export.id()), export.id().toString(), export.expiresAt())
                : null;
        return new ExportView(export.id(), export.status().wireName(), export.rowsWritten(), export.createdFrom(),
                export.createdTo(), export.timeZone(), export.createdAt(), export.startedAt(), export.finishedAt(),
                export.expiresAt(), link, export.status() == ExportStatus.FAILED ? export.error() : null);
    }

    private static String zone(String requested) {
        String zone = requested == null || requested.isBlank() ? DEFAULT_TIME_ZONE : requested;
        try {
            return ZoneId.of(zone).getId();
        } catch (RuntimeException e) {
            throw ApiProblem.invalidField("time_zone", "is not a time zone such as Asia/Riyadh");
        }
    }

    private static ApiProblem notFound(String exportId) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "export_not_found", "No export " + exportId + " was found.");
    }
}
