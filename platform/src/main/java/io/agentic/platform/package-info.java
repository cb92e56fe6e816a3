/**
 * What every Agentic service wires the same way, as Spring Boot auto-configuration: one error model
 * ({@code problem}), the JWT resource server ({@code security}), the Kafka JSON serde and
 * dead-letter topics ({@code kafka}), and request ids ({@code web}). Nothing else belongs here.
 */
package io.agentic.platform;
