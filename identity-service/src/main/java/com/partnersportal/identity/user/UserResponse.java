package com.partnersportal.identity.user;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A member of the team as admins see it. */
record UserResponse(UUID id, String email, String fullName, String locale, Role role, List<UUID> legalEntityIds,
        String status, boolean secondFactorEnabled, Instant createdAt) {

    record Role(String id, String name) {
    }

    static UserResponse of(Users.UserView view, SecondFactorDirectory secondFactors) {
        return of(view, secondFactors.enrolledAmong(List.of(view.user().id())).contains(view.user().id()));
    }

    static UserResponse of(Users.UserView view, boolean secondFactorEnabled) {
        User user = view.user();
        return new UserResponse(user.id(), user.email(), user.fullName(), user.locale(),
                new Role(view.role().id(), view.role().name()), user.legalEntityIds().stream().sorted().toList(),
                user.status().wireName(), secondFactorEnabled, user.createdAt());
    }
}
