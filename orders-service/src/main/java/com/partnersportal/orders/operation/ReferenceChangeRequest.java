package com.partnersportal.orders.operation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record ReferenceChangeRequest(@NotBlank @Size(max = 255) String orderReferenceId) {
}
