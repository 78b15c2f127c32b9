package com.partnersportal.kit.merchant;

import com.partnersportal.kit.deployment.DeploymentMode;
import com.partnersportal.kit.problem.ApiProblem;
import java.util.UUID;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Establishes the {@link CallingMerchant} of a request:
 * <ol>
 *   <li>{@code Authorization: Bearer <merchant API token>}, as Tamara's merchant API, checked with
 *       identity-service;</li>
 *   <li>in a sandbox only, the {@value #MERCHANT_HEADER} header, for the walking skeleton and scripts
 *       until signed portal sessions arrive through the gateway. Production never trusts it.</li>
 * </ol>
 * Anything else is a 401 problem.
 */
public class CallingMerchantResolver implements HandlerMethodArgumentResolver {

    public static final String MERCHANT_HEADER = "X-Merchant-Id";
    private static final String BEARER = "Bearer ";

    private final ApiTokenIntrospection introspection;
    private final DeploymentMode deployment;

    public CallingMerchantResolver(ApiTokenIntrospection introspection, DeploymentMode deployment) {
        this.introspection = introspection;
        this.deployment = deployment;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CallingMerchant.class;
    }

    @Override
    public CallingMerchant resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).trim();
            return introspection.merchantOf(token).map(CallingMerchant::new).orElseThrow(() -> unauthenticated(
                    "invalid_token", "The API token is unknown or revoked."));
        }
        String merchantHeader = request.getHeader(MERCHANT_HEADER);
        if (merchantHeader != null && deployment.isSandbox()) {
            try {
                return new CallingMerchant(UUID.fromString(merchantHeader.trim()));
            } catch (IllegalArgumentException e) {
                throw unauthenticated("unauthenticated", MERCHANT_HEADER + " is not a merchant id.");
            }
        }
        throw unauthenticated("unauthenticated", "Send the merchant API token as 'Authorization: Bearer <token>'.");
    }

    private static ApiProblem unauthenticated(String code, String message) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, code, message);
    }
}
