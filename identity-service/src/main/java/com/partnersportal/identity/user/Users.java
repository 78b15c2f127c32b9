package com.partnersportal.identity.user;

import com.partnersportal.identity.audit.Actor;
import com.partnersportal.identity.audit.AuditAction;
import com.partnersportal.identity.audit.AuditLog;
import com.partnersportal.identity.contract.IdentityTopics;
import com.partnersportal.identity.contract.UserInvited;
import com.partnersportal.identity.merchant.LegalEntity;
import com.partnersportal.identity.merchant.Merchants;
import com.partnersportal.identity.onetimetoken.OneTimeTokens;
import com.partnersportal.identity.onetimetoken.TokenPurpose;
import com.partnersportal.identity.role.AssignedRole;
import com.partnersportal.identity.role.Roles;
import com.partnersportal.identity.session.AccessRevocations;
import com.partnersportal.identity.session.RefreshTokens;
import com.partnersportal.kit.outbox.Outbox;
import com.partnersportal.kit.problem.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merchant's team, as its admins manage it: invite (the activation link goes out as {@link UserInvited}), change
 * role and legal entities, disable, enable, remove. Everything is scoped by the acting merchant: another merchant's
 * user is as missing as one that never was. Changes to one merchant's team are serialised (the merchant's row lock),
 * so that the last active admin cannot be removed, disabled or demoted by two admins acting at once.
 */
@Service
public class Users {

    private final UserRepository users;
    private final Merchants merchants;
    private final Roles roles;
    private final OneTimeTokens oneTimeTokens;
    private final RefreshTokens sessions;
    private final AccessRevocations revocations;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration activationTtl;

    Users(UserRepository users, Merchants merchants, Roles roles, OneTimeTokens oneTimeTokens, RefreshTokens sessions,
            AccessRevocations revocations, Outbox outbox, AuditLog audit, Clock clock,
            @Value("${portal.identity.activation-ttl:72h}") Duration activationTtl) {
        this.users = users;
        this.merchants = merchants;
        this.roles = roles;
        this.oneTimeTokens = oneTimeTokens;
        this.sessions = sessions;
        this.revocations = revocations;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.activationTtl = activationTtl;
    }

    public record NewUser(String email, String fullName, String locale, String role, List<UUID> legalEntityIds) {
    }

    /** A user with the role they hold. */
    public record UserView(User user, AssignedRole role) {
    }

    @Transactional
    public UserView invite(Actor actor, UUID merchantId, NewUser request) {
        merchants.lock(merchantId);
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        if (users.findByEmail(email).isPresent()) {
            throw emailTaken();
        }
        AssignedRole role = roles.assignable(merchantId, request.role());
        Set<UUID> entities = ownEntities(merchantId, request.legalEntityIds());
        User user;
        try {
            user = users.save(new User(UUID.randomUUID(), merchantId, email, request.fullName().strip(),
                    role.builtInKey(), role.customRoleId(), null, UserStatus.INVITED, request.locale(), clock.instant(),
                    Set.of(), null).withLegalEntities(entities));
        } catch (DuplicateKeyException e) {
            throw emailTaken();
        }
        sendActivation(actor, user, false);
        audit.record(actor, merchantId, AuditAction.USER_INVITED, "user", user.id(), null, snapshot(user, role));
        return new UserView(user, role);
    }

    @Transactional
    public void reissueActivation(Actor actor, UUID merchantId, UUID userId) {
        merchants.lock(merchantId);
        User user = own(merchantId, userId);
        if (user.status() != UserStatus.INVITED) {
            throw new ApiProblem(HttpStatus.CONFLICT, "user_not_invited", user.status() == UserStatus.ACTIVE
                    ? "This user has activated their account already; they can reset their password instead."
                    : "This user is disabled; enable them first.", Map.of("status", user.status().wireName()));
        }
        sendActivation(actor, user, true);
        audit.record(actor, merchantId, AuditAction.USER_ACTIVATION_REISSUED, "user", user.id(), null,
                Map.of("email", user.email()));
    }

    /** Changes the role and/or the legal entities; null leaves that part as it is. */
    @Transactional
    public UserView change(Actor actor, UUID merchantId, UUID userId, String roleId, List<UUID> legalEntityIds) {
        merchants.lock(merchantId);
        User user = own(merchantId, userId);
        AssignedRole before = roles.held(user.role(), user.customRoleId());
        User changed = user;
        AssignedRole after = before;
        if (roleId != null && !roleId.equals(before.id())) {
            after = roles.assignable(merchantId, roleId);
            if (before.isAdmin() && !after.isAdmin()) {
                refuseIfLastAdmin(user);
            }
            changed = changed.withRole(after.builtInKey(), after.customRoleId());
            audit.record(actor, merchantId, AuditAction.USER_ROLE_CHANGED, "user", user.id(), roleSnapshot(before),
                    roleSnapshot(after));
        }
        if (legalEntityIds != null) {
            Set<UUID> entities = ownEntities(merchantId, legalEntityIds);
            if (!entities.equals(user.legalEntityIds())) {
                changed = changed.withLegalEntities(entities);
                audit.record(actor, merchantId, AuditAction.USER_ENTITIES_CHANGED, "user", user.id(),
                        Map.of("legal_entity_ids", sorted(user.legalEntityIds())),
                        Map.of("legal_entity_ids", sorted(entities)));
            }
        }
        if (changed != user) {
            changed = users.save(changed);
            revocations.revokeUser(user.id(), merchantId, AccessRevocations.RIGHTS_CHANGED);
        }
        return new UserView(changed, after);
    }

    @Transactional
    public UserView disable(Actor actor, UUID merchantId, UUID userId) {
        merchants.lock(merchantId);
        User user = own(merchantId, userId);
        AssignedRole role = roles.held(user.role(), user.customRoleId());
        if (user.status() == UserStatus.DISABLED) {
            return new UserView(user, role);
        }
        if (role.isAdmin() && user.status() == UserStatus.ACTIVE) {
            refuseIfLastAdmin(user);
        }
        User disabled = users.save(user.withStatus(UserStatus.DISABLED));
        sessions.revokeAllOf(user.id());
        revocations.revokeUser(user.id(), merchantId, AccessRevocations.DISABLED);
        oneTimeTokens.voidAll(user.id(), TokenPurpose.ACTIVATION);
        oneTimeTokens.voidAll(user.id(), TokenPurpose.PASSWORD_RESET);
        audit.record(actor, merchantId, AuditAction.USER_DISABLED, "user", user.id(),
                Map.of("status", user.status().wireName()), Map.of("status", disabled.status().wireName()));
        return new UserView(disabled, role);
    }

    /** Active again if the user had set a password; otherwise invited (the admin sends a new activation email). */
    @Transactional
    public UserView enable(Actor actor, UUID merchantId, UUID userId) {
        merchants.lock(merchantId);
        User user = own(merchantId, userId);
        AssignedRole role = roles.held(user.role(), user.customRoleId());
        if (user.status() != UserStatus.DISABLED) {
            return new UserView(user, role);
        }
        User enabled = users.save(user.withStatus(user.passwordHash() == null ? UserStatus.INVITED : UserStatus.ACTIVE));
        audit.record(actor, merchantId, AuditAction.USER_ENABLED, "user", user.id(),
                Map.of("status", user.status().wireName()), Map.of("status", enabled.status().wireName()));
        return new UserView(enabled, role);
    }

    @Transactional
    public void remove(Actor actor, UUID merchantId, UUID userId) {
        merchants.lock(merchantId);
        User user = own(merchantId, userId);
        AssignedRole role = roles.held(user.role(), user.customRoleId());
        if (role.isAdmin() && user.status() == UserStatus.ACTIVE) {
            refuseIfLastAdmin(user);
        }
        sessions.revokeAllOf(user.id());
        revocations.revokeUser(user.id(), merchantId, AccessRevocations.REMOVED);
        users.delete(user);
        audit.record(actor, merchantId, AuditAction.USER_REMOVED, "user", user.id(), snapshot(user, role), null);
    }

    @Transactional(readOnly = true)
    public UserView get(UUID merchantId, UUID userId) {
        User user = own(merchantId, userId);
        return new UserView(user, roles.held(user.role(), user.customRoleId()));
    }

    /** A user by email, for signing in (any merchant, or an operator). */
    @Transactional(readOnly = true)
    public Optional<User> findByEmail(String email) {
        return users.findByEmail(email.strip());
    }

    @Transactional(readOnly = true)
    public Optional<User> find(UUID userId) {
        return users.findById(userId);
    }

    /** The user followed their activation link and chose a password. */
    @Transactional
    public User activate(UUID userId, String passwordHash) {
        User user = users.findById(userId).orElseThrow();
        if (user.status() != UserStatus.INVITED) {
            throw new ApiProblem(HttpStatus.CONFLICT, "activation_link_used",
                    "This account is activated already; sign in or reset your password.");
        }
        return users.save(user.withPasswordHash(passwordHash));
    }

    /** The user reset their password: every session they had ends. */
    @Transactional
    public User changePassword(UUID userId, String passwordHash) {
        User user = users.findById(userId).orElseThrow();
        if (user.status() != UserStatus.ACTIVE) {
            throw new ApiProblem(HttpStatus.GONE, "reset_link_expired", "This account can no longer reset its password.",
                    Map.of("reason", user.status().wireName()));
        }
        sessions.revokeAllOf(userId);
        revocations.revokeUser(userId, user.merchantId(), AccessRevocations.PASSWORD_CHANGED);
        return users.save(user.withPasswordHash(passwordHash));
    }

    private void sendActivation(Actor actor, User user, boolean reissued) {
        OneTimeTokens.Issued token = oneTimeTokens.issue(user.id(), TokenPurpose.ACTIVATION, activationTtl);
        outbox.append(IdentityTopics.USER_EVENTS, user.id().toString(), UserInvited.TYPE, user.id().toString(),
                new UserInvited(user.id(), user.merchantId(), user.email(), user.fullName(), user.locale(),
                        token.secret(), token.expiresAt(), reissued, actorUserId(actor), token.issuedAt()));
    }

    private User own(UUID merchantId, UUID userId) {
        return users.findByIdAndMerchantId(userId, merchantId).orElseThrow(() ->
                new ApiProblem(HttpStatus.NOT_FOUND, "user_not_found", "There is no such user in your team."));
    }

    private void refuseIfLastAdmin(User user) {
        if (users.countOtherActiveAdmins(user.merchantId(), user.id()) == 0) {
            throw new ApiProblem(HttpStatus.CONFLICT, "last_admin",
                    "This is the team's last active admin; make someone else an admin first.");
        }
    }

    private Set<UUID> ownEntities(UUID merchantId, List<UUID> requested) {
        if (requested == null || requested.isEmpty()) {
            return Set.of();
        }
        Set<UUID> own = merchants.legalEntitiesOf(merchantId).stream().map(LegalEntity::id).collect(Collectors.toSet());
        List<String> unknown = requested.stream().filter(id -> !own.contains(id)).map(UUID::toString).toList();
        if (!unknown.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "legal_entity_unknown",
                    "Your merchant has no legal entity " + String.join(", ", unknown) + ".",
                    Map.of("legal_entity_ids", unknown));
        }
        return Set.copyOf(requested);
    }

    private static UUID actorUserId(Actor actor) {
        try {
            return UUID.fromString(actor.id());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ApiProblem emailTaken() {
        return new ApiProblem(HttpStatus.CONFLICT, "email_already_registered",
                "A user with this email exists already; an email belongs to one user only.");
    }

    private static Map<String, Object> snapshot(User user, AssignedRole role) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("email", user.email());
        snapshot.put("full_name", user.fullName());
        snapshot.put("locale", user.locale());
        snapshot.put("role", roleSnapshot(role));
        snapshot.put("legal_entity_ids", sorted(user.legalEntityIds()));
        snapshot.put("status", user.status().wireName());
        return snapshot;
    }

    private static Map<String, Object> roleSnapshot(AssignedRole role) {
        return Map.of("id", role.id(), "name", role.name());
    }

    private static List<String> sorted(Set<UUID> ids) {
        return ids.stream().map(Objects::toString).sorted().toList();
    }
}
