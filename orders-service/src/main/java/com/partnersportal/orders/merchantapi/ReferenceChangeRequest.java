package com.partnersportal.orders.merchantapi;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record ReferenceChangeRequest(@NotBlank @Size(max = 255) String orderReferenceId) {
}
