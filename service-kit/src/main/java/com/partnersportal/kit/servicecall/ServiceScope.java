package com.partnersportal.kit.servicecall;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope ({@code ServiceTokenClaims.Scopes}) a service token must carry to call this {@code /internal/...}
 * handler. An internal handler without it is closed to every caller: which service may call what stays explicit,
 * here and in identity-service's list of clients.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ServiceScope {

    String value();
}
