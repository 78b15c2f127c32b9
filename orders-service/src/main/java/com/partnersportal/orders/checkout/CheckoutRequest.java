package com.partnersportal.orders.checkout;

import com.partnersportal.kit.money.WireMoney;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Tamara's create-checkout body, as far as the platform keeps it (snake_case on the wire). */
public record CheckoutRequest(
        @NotBlank @Size(max = 255) String orderReferenceId,
        @Size(max = 255) String orderNumber,
        @NotNull @Valid WireMoney totalAmount,
        @Size(max = 1024) String description,
        @NotBlank @Pattern(regexp = "[A-Z]{2}") String countryCode,
        @Pattern(regexp = "PAY_BY_INSTALMENTS|PAY_BY_LATER|PAY_NOW|PAY_NEXT_MONTH") String paymentType,
        @Positive @Max(24) Integer instalments,
        @Pattern(regexp = "(ar|en)([_-][A-Z]{2})?", message = "must be a supported locale (ar_SA, en_US, ar or en)")
        String locale,
        @NotEmpty @Size(max = 200) List<@NotNull @Valid Item> items,
        @NotNull @Valid ConsumerDetails consumer,
        @NotNull @Valid Address shippingAddress,
        @Valid Address billingAddress,
        @Valid Discount discount,
        @Valid WireMoney taxAmount,
        @Valid WireMoney shippingAmount,
        @Valid MerchantUrl merchantUrl) {

    /** A line: {@code total_amount} is the line's total (quantity times unit price, less its discount). */
    public record Item(
            @NotBlank @Size(max = 255) String referenceId,
            @NotBlank @Size(max = 255) String type,
            @NotBlank @Size(max = 1024) String name,
            @NotBlank @Size(max = 255) String sku,
            @NotNull @Positive @Max(100_000) Integer quantity,
            @Valid WireMoney unitPrice,
            @Valid WireMoney discountAmount,
            @Valid WireMoney taxAmount,
            @NotNull @Valid WireMoney totalAmount) {
    }

    public record ConsumerDetails(
            @NotBlank @Size(max = 255) String firstName,
            @NotBlank @Size(max = 255) String lastName,
            @NotBlank @Size(max = 32) @Pattern(regexp = "\\+?[0-9 ()-]{6,32}") String phoneNumber,
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

    public record Discount(@NotBlank @Size(max = 255) String name, @NotNull @Valid WireMoney amount) {
    }

    public record MerchantUrl(
            @Size(max = 2048) String success,
            @Size(max = 2048) String failure,
            @Size(max = 2048) String cancel,
            @Size(max = 2048) String notification) {
    }
}
