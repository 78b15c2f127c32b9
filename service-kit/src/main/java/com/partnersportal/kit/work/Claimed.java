package com.partnersportal.kit.work;

/**
 * A piece of work a worker holds for one attempt.
 *
 * @param item        what the queue returned
 * @param attempt     which attempt this is, counted when claimed (1 = the first)
 * @param leaseExpired whether an earlier holder's lease ran out without an outcome (it died or hung)
 */
public record Claimed<T>(T item, int attempt, boolean leaseExpired) {
}
