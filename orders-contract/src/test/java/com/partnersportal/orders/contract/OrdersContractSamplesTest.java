package com.partnersportal.orders.contract;

import com.partnersportal.contracttest.ContractSamplesContract;
import java.util.List;
import java.util.Map;

class OrdersContractSamplesTest extends ContractSamplesContract {

    @Override
    protected List<String> topics() {
        return List.of(OrderTopics.ORDER_EVENTS, OrderTopics.EXPORT_EVENTS, CheckoutTopics.DECISIONS);
    }

    @Override
    protected Map<String, Class<?>> eventTypes() {
        return Map.ofEntries(
                Map.entry(OrderCreated.TYPE, OrderCreated.class),
                Map.entry(OrderApproved.TYPE, OrderApproved.class),
                Map.entry(OrderDeclined.TYPE, OrderDeclined.class),
                Map.entry(OrderAuthorised.TYPE, OrderAuthorised.class),
                Map.entry(OrderCaptured.TYPE, OrderCaptured.class),
                Map.entry(OrderRefunded.TYPE, OrderRefunded.class),
                Map.entry(OrderCanceled.TYPE, OrderCanceled.class),
                Map.entry(OrderExpired.TYPE, OrderExpired.class),
                Map.entry(OrderReferenceChanged.TYPE, OrderReferenceChanged.class),
                Map.entry(OrderExportReady.TYPE, OrderExportReady.class),
                Map.entry(OrderExportFailed.TYPE, OrderExportFailed.class),
                Map.entry(CheckoutDecision.TYPE, CheckoutDecision.class));
    }
}
