package com.partnersportal.notification.delivery;

import java.util.UUID;
import org.springframework.data.repository.Repository;

/** Records new notifications; delivery updates them through {@link DeliveryQueue}, operators read them with SQL. */
interface NotificationRepository extends Repository<Notification, UUID> {

    Notification save(Notification notification);
}
