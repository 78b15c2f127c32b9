package com.partnersportal.notification.mail;

/** A mail ready to go: its subject, its HTML and its plain-text alternative. */
public record RenderedMail(String subject, String html, String text) {
}
