/**
 * The messages the services exchange over Kafka, and the topics they travel on.
 *
 * <p>Contracts evolve by adding fields; readers ignore fields they do not know. A breaking change
 * gets a new {@code .v2} topic. Golden JSON files in the platform module pin the wire format, and
 * {@code docs/events.md} catalogues each topic for consumers outside the suite.
 */
package io.agentic.contracts;
