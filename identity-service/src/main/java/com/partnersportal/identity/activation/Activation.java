package com.partnersportal.identity.activation;

import com.partnersportal.identity.onetimetoken.OneTimeTokens;
import com.partnersportal.identity.onetimetoken.TokenPurpose;
import com.partnersportal.identity.password.PasswordHasher;
import com.partnersportal.identity.password.PasswordPolicy;
import com.partnersportal.identity.user.User;
import com.partnersportal.identity.user.UserStatus;
import com.partnersportal.identity.user.Users;
import com.partnersportal.kit.problem.ApiProblem;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An invited user follows their activation link, chooses a password, and their account becomes active. */
@Service
class Activation {

    private final OneTimeTokens tokens;
    private final Users users;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;

    Activation(OneTimeTokens tokens, Users users, PasswordPolicy policy, PasswordHasher hasher) {
        this.tokens = tokens;
        this.users = users;
        this.policy = policy;
        this.hasher = hasher;
    }

    /** Whose link this is, while it still works. */
    record Link(String email, String fullName, Instant expiresAt) {
    }

    @Transactional(readOnly = true)
    Link check(String token) {
        OneTimeTokens.Valid valid = tokens.check(token, TokenPurpose.ACTIVATION);
        User user = invited(valid);
        return new Link(user.email(), user.fullName(), valid.expiresAt());
    }

    @Transactional
    User activate(String token, String password) {
        OneTimeTokens.Valid valid = tokens.check(token, TokenPurpose.ACTIVATION);
        User user = invited(valid);
        policy.check(password, user.email());
        tokens.consume(valid, TokenPurpose.ACTIVATION);
        return users.activate(user.id(), hasher.hash(password));
    }

    private User invited(OneTimeTokens.Valid valid) {
        User user = users.find(valid.userId()).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND,
                "activation_link_invalid", "This link is not valid."));
        if (user.status() != UserStatus.INVITED) {
            throw new ApiProblem(HttpStatus.CONFLICT, "activation_link_used",
                    "This account is activated already; sign in or reset your password.");
        }
        return user;
    }
}
