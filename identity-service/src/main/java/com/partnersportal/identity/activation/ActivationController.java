package com.partnersportal.identity.activation;

import com.partnersportal.identity.user.User;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The activation link, for the portal frontend: is it still good, and set the password with it. */
@RestController
class ActivationController {

    private final Activation activation;

    ActivationController(Activation activation) {
        this.activation = activation;
    }

    record ActivationLinkResponse(String email, String fullName, Instant expiresAt) {
    }

    record ActivateRequest(@NotBlank @Size(max = 256) String token, @NotNull @Size(max = 1024) String password) {
    }

    record ActivatedResponse(UUID userId, String email, String status) {
    }

    @GetMapping("/auth/v1/activation")
    ActivationLinkResponse check(@RequestParam @Size(max = 256) String token) {
        Activation.Link link = activation.check(token);
        return new ActivationLinkResponse(link.email(), link.fullName(), link.expiresAt());
    }

    @PostMapping("/auth/v1/activation")
    ActivatedResponse activate(@Valid @RequestBody ActivateRequest request) {
        User user = activation.activate(request.token(), request.password());
        return new ActivatedResponse(user.id(), user.email(), user.status().wireName());
    }
}
