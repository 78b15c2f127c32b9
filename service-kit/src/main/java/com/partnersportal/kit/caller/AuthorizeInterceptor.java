package com.partnersportal.kit.caller;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces {@link Authorize} before the handler's arguments (its body above all) are read: the caller is
 * established from the request's token and kept for the handler's {@link Caller} parameter.
 */
public class AuthorizeInterceptor implements HandlerInterceptor {

    private final CallerResolver callers;

    public AuthorizeInterceptor(CallerResolver callers) {
        this.callers = callers;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Authorize rule = method.getMethodAnnotation(Authorize.class);
        if (rule == null) {
            return true;
        }
        Caller caller = callers.resolve(request.getHeader(HttpHeaders.AUTHORIZATION));
        request.setAttribute(CallerResolver.ATTRIBUTE, caller);
        if (rule.kind().length > 0 && Arrays.stream(rule.kind()).noneMatch(kind -> kind == caller.kind())) {
            caller.requireKind(rule.kind()[0]);
        }
        for (var permission : rule.permissions()) {
            caller.require(permission);
        }
        return true;
    }
}
