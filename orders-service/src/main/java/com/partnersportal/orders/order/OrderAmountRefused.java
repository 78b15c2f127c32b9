package com.partnersportal.orders.order;

import com.partnersportal.kit.problem.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** An amount the order cannot take: more than remains to capture, to refund or to cancel. */
public class OrderAmountRefused extends ApiProblem {

    OrderAmountRefused(String errorCode, String message, Map<String, Object> data) {
        super(HttpStatus.BAD_REQUEST, errorCode, message, data);
    }
}
