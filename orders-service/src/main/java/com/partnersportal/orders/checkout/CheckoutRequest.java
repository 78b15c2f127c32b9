package com.partnersportal.orders.checkout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** Tamara's create-checkout body, as far as the platform keeps it (snake_case on the wire). */
public record CheckoutRequest(
        @NotBlank @Size(max = 255) String orderReferenceId,
        @Size(max = 255) String orderNumber,
        @NotNull @Valid Amount totalAmount,
        @Size(max = 1024) String description,
        @NotBlank @Pattern(regexp = "[A-Z]{2}") String countryCode,
        @Size(max = 32) String paymentType,
        @Positive Integer instalments,
        @Size(max = 16) String locale,
        @NotEmpty @Size(max = 200) List<@Valid Item> items,
        @NotNull @Valid ConsumerDetails consumer,
        @NotNull @Valid Address shippingAddress,
        @Valid Address billingAddress,
        @Valid Discount discount,
        @Valid Amount taxAmount,
        @Valid Amount shippingAmount,
        @Valid MerchantUrl merchantUrl) {

    /** Money on the wire: {@code {"amount": 300.00, "currency": "SAR"}}. */
    public record Amount(@NotNull BigDecimal amount, @NotBlank @Size(max = 3) String currency) {
    }

    public record Item(
            @NotBlank @Size(max = 255) String referenceId,
            @NotBlank @Size(max = 255) String type,
            @NotBlank @Size(max = 1024) String name,
            @NotBlank @Size(max = 255) String sku,
            @NotNull @Positive Integer quantity,
            @NotNull @Valid Amount totalAmount) {
    }

    public record ConsumerDetails(
            @NotBlank @Size(max = 255) String firstName,
            @NotBlank @Size(max = 255) String lastName,
            @NotBlank @Size(max = 32) String phoneNumber,
            @NotBlank @Email @Size(max = 320) String email) {
    }

    public record Address(
            @NotBlank @Size(max = 255) String firstName,
            @NotBlank @Size(max = 255) String lastName,
            @NotBlank @Size(max = 1024) String line1,
            @Size(max = 1024) String line2,
            @Size(max = 255) String region,
            @NotBlank @Size(max = 255) String city,
            @NotBlank @Pattern(regexp = "[A-Z]{2}") String countryCode,
            @Size(max = 32) String phoneNumber) {
    }

    public record Discount(@NotBlank @Size(max = 255) String name, @NotNull @Valid Amount amount) {
    }

    public record MerchantUrl(
            @Size(max = 2048) String success,
            @Size(max = 2048) String failure,
            @Size(max = 2048) String cancel,
            @Size(max = 2048) String notification) {
    }
}
