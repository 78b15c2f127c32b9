package com.partnersportal.orders.order;

import com.partnersportal.kit.problem.Refusal;
import java.util.Map;

/** An amount the order cannot take: more than remains to capture, to refund or to cancel. */
public class OrderAmountRefused extends Refusal {

    OrderAmountRefused(String errorCode, String message, Map<String, Object> data) {
        super(Reason.INVALID, errorCode, message, data);
    }
}
