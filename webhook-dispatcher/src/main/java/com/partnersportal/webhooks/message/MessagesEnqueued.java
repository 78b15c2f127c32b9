package com.partnersportal.webhooks.message;

/** Messages became due in the current transaction: once it commits, the dispatcher looks at once instead of at its next poll. */
public record MessagesEnqueued(int count) {
}
