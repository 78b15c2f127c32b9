package com.partnersportal.identity.user;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

public interface UserRepository extends Repository<User, UUID> {

    User save(User user);

    @Query("SELECT * FROM app_user WHERE lower(email) = lower(:email)")
    Optional<User> findByEmail(String email);
}
