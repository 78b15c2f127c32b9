package com.partnersportal.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test a real Kafka broker and a fresh PostgreSQL database of its own.
 *
 * <p>With a Docker engine: Testcontainers' Kafka and PostgreSQL. Without one: Kafka's KRaft broker in
 * the test JVM and a new database on the local PostgreSQL server (PGHOST, PGPORT, PGUSER, PGPASSWORD;
 * 127.0.0.1:5432 by default). {@code PORTAL_TEST_INFRA=local} or {@code containers} forces a choice.
 * Nothing is ever skipped for want of Docker.
 *
 * <p>Sets {@code spring.datasource.*}, {@code spring.kafka.bootstrap-servers} and the Kafka binder's
 * brokers. One broker serves the whole test JVM; each Spring context gets its own database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealInfrastructure {
}
