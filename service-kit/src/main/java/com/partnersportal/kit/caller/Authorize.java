package com.partnersportal.kit.caller;

import com.partnersportal.identity.contract.Permission;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call this handler, checked by {@link AuthorizeInterceptor} before anything of the request is read or
 * validated: a caller without the right kind of credential or the permission gets 401/403, never field errors about a
 * body they may not send. The handler's own {@code caller.require...} stays (it is what the code relies on); this
 * makes the same refusal come first.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Authorize {

    /** The kinds of caller allowed; empty: any. A caller of another kind is refused as {@link Caller#requireKind} does. */
    Caller.Kind[] kind() default {};

    /** The permissions the caller must hold (all of them). */
    Permission[] permissions() default {};
}
