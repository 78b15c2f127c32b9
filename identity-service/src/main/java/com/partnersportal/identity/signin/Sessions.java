package com.partnersportal.identity.signin;

import com.partnersportal.identity.role.AssignedRole;
import com.partnersportal.identity.role.Roles;
import com.partnersportal.identity.session.RefreshTokens;
import com.partnersportal.identity.user.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Starts a session for a user who proved who they are: an access token and the first refresh token of a family. */
@Component
class Sessions {

    private final Roles roles;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;

    Sessions(Roles roles, AccessTokens accessTokens, RefreshTokens refreshTokens) {
        this.roles = roles;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Session start(User user) {
        AssignedRole role = roles.held(user.role(), user.customRoleId());
        RefreshTokens.Issued refresh = refreshTokens.start(user.id());
        return new Session(accessTokens.issue(user, role), accessTokens.ttl(), refresh.secret(), refresh.expiresAt());
    }
}
