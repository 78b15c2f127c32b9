package com.partnersportal.orders.testing;

/** Checkout bodies as a merchant's system sends them (an object mother for the tests). */
public final class CheckoutBodies {

    private CheckoutBodies() {
    }

    public static String saudiOrder(String orderReference) {
        return order(orderReference, "SA", "SAR", "300.00");
    }

    public static String order(String orderReference, String country, String currency, String total) {
        return """
                {
                  "order_reference_id": "%1$s",
                  "order_number": "N-%1$s",
                  "total_amount": {"amount": %4$s, "currency": "%3$s"},
                  "description": "Two lamps",
                  "country_code": "%2$s",
                  "payment_type": "PAY_BY_INSTALMENTS",
                  "instalments": 3,
                  "locale": "ar_SA",
                  "items": [{
                    "reference_id": "item-1", "type": "Physical", "name": "Desk lamp", "sku": "LAMP-1",
                    "quantity": 2, "total_amount": {"amount": %4$s, "currency": "%3$s"}
                  }],
                  "consumer": {"first_name": "Noura", "last_name": "Al-Harbi", "phone_number": "+966500000001",
                               "email": "noura@example.com"},
                  "shipping_address": {"first_name": "Noura", "last_name": "Al-Harbi", "line1": "King Fahd Rd 12",
                                       "city": "Riyadh", "country_code": "%2$s"},
                  "tax_amount": {"amount": 0, "currency": "%3$s"},
                  "shipping_amount": {"amount": 0, "currency": "%3$s"},
                  "merchant_url": {"success": "https://shop.example/ok", "failure": "https://shop.example/fail",
                                   "cancel": "https://shop.example/cancel", "notification": "https://shop.example/hook"}
                }""".formatted(orderReference, country, currency, total);
    }
}
