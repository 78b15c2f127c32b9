package com.partnersportal.kit.problem;

import java.util.Map;

/**
 * A business rule refused an operation. Domain code throws it without knowing HTTP; {@link ProblemDetailsAdvice}
 * renders it as problem details with the status its {@link Reason} stands for.
 */
public class Refusal extends RuntimeException {

    public enum Reason {
        /** The request itself is wrong (400). */
        INVALID(400),
        /** Nothing of that id exists for the caller (404). */
        NOT_FOUND(404),
        /** The operation clashes with the resource's current state (409). */
        CONFLICT(409),
        /** Well-formed, but the rules do not allow it (422). */
        UNPROCESSABLE(422);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;
    private final String errorCode;
    private final Map<String, Object> data;

    public Refusal(Reason reason, String errorCode, String message, Map<String, Object> data) {
        super(message);
        this.reason = reason;
        this.errorCode = errorCode;
        this.data = Map.copyOf(data);
    }

    public Refusal(Reason reason, String errorCode, String message) {
        this(reason, errorCode, message, Map.of());
    }

    public Reason reason() {
        return reason;
    }

    public String errorCode() {
        return errorCode;
    }

    public Map<String, Object> data() {
        return data;
    }
}
