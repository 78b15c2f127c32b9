package com.partnersportal.identity.demo;

import com.partnersportal.identity.merchant.Merchants;
import java.util.UUID;

/**
 * The sandbox's demo merchant: one legal entity in Saudi Arabia, one in the UAE; its admin; and the provider's demo
 * operator. Fixed ids, so scripts can rely on them.
 */
final class DemoMerchant {

    static final UUID MERCHANT_ID = UUID.fromString("6d1f3a52-7c1e-4b8e-9a0f-2c5d8e4b1a01");
    static final UUID KSA_ENTITY_ID = UUID.fromString("6d1f3a52-7c1e-4b8e-9a0f-2c5d8e4b1a02");
    static final UUID UAE_ENTITY_ID = UUID.fromString("6d1f3a52-7c1e-4b8e-9a0f-2c5d8e4b1a03");
    static final UUID ADMIN_ID = UUID.fromString("6d1f3a52-7c1e-4b8e-9a0f-2c5d8e4b1a04");
    static final UUID OPERATOR_ID = UUID.fromString("6d1f3a52-7c1e-4b8e-9a0f-2c5d8e4b1a05");
    static final String NAME_EN = "Demo Home Store";
    static final String NAME_AR = "متجر المنزل التجريبي";
    static final String ADMIN_EMAIL = "admin@demo-merchant.test";
    static final String OPERATOR_EMAIL = "operator@partners-portal.test";
    static final String API_TOKEN_NAME = "Demo integration";

    static final Merchants.NewLegalEntity KSA_ENTITY = new Merchants.NewLegalEntity("Demo Home Trading Co.",
            "شركة المنزل التجريبي للتجارة", "SA", "SAR", "1010123456", "300000000000003",
            "King Fahd Road 100, Al Olaya, Riyadh 12211, Saudi Arabia", "Asia/Riyadh");
    static final Merchants.NewLegalEntity UAE_ENTITY = new Merchants.NewLegalEntity("Demo Home Trading FZ-LLC",
            "المنزل التجريبي للتجارة م.م.ح", "AE", "AED", "DMCC-123456", "100000000000003",
            "Cluster T, Jumeirah Lakes Towers, Dubai, United Arab Emirates", "Asia/Dubai");

    private DemoMerchant() {
    }
}
