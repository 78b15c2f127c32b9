package com.partnersportal.settlement.invoice.fatoora;

/** The Fatoora API refused a request (an OTP, a CSR, a credential) or could not be reached. */
public class FatooraException extends RuntimeException {

    private final int status;

    public FatooraException(int status, String message) {
        super(message);
        this.status = status;
    }

    public FatooraException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status, 0 when no answer came. */
    public int status() {
        return status;
    }
}
