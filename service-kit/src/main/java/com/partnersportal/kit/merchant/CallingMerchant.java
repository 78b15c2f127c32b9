package com.partnersportal.kit.merchant;

import java.util.UUID;

/**
 * The merchant on whose behalf a request is made, as established by {@link CallingMerchantResolver}.
 * Every query is scoped by it, never by a merchant id in the request body. Declare it as a controller
 * method parameter.
 */
public record CallingMerchant(UUID id) {
}
