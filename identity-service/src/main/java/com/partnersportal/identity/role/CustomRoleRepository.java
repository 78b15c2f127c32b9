package com.partnersportal.identity.role;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

public interface CustomRoleRepository extends Repository<CustomRole, UUID> {

    CustomRole save(CustomRole role);

    Optional<CustomRole> findByIdAndMerchantId(UUID id, UUID merchantId);

    Optional<CustomRole> findById(UUID id);

    List<CustomRole> findByMerchantIdOrderByName(UUID merchantId);

    void delete(CustomRole role);
}
