package com.partnersportal.identity.user;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** Which users have a second factor, for the team list (the second-factor feature answers it). */
public interface SecondFactorDirectory {

    Set<UUID> enrolledAmong(Collection<UUID> userIds);
}
