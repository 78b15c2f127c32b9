package com.partnersportal.webhooks.orderevents;

import org.springframework.data.repository.Repository;

interface OrderStatusChangeRepository extends Repository<OrderStatusChange, Long> {

    OrderStatusChange save(OrderStatusChange change);
}
