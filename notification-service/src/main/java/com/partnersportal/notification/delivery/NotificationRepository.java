package com.partnersportal.notification.delivery;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface NotificationRepository extends Repository<Notification, UUID> {

    Notification save(Notification notification);

    Optional<Notification> findById(UUID id);
}
