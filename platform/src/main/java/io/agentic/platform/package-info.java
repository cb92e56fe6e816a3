/**
 * What every Agentic service wires the same way, as Spring Boot auto-configuration: one error model
 * ({@code problem}), the JWT resource server ({@code security}), the Kafka JSON serde and
 * dead-letter topics ({@code kafka}) and the {@code kafka} readiness check, request ids ({@code
 * web}), and operability ({@code observability}: tracing across HTTP and Kafka, JSON logs, metric
 * names). Nothing else belongs here.
 */
package io.agentic.platform;
