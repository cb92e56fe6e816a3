/**
 * workflow-service: workflow graphs, their immutable versions and who may use them. Features:
 * {@code graph} (the model and its validation), {@code store} (MongoDB), {@code crud} (the REST
 * API), {@code versions}, {@code sharing}, {@code publish} (Kafka) and {@code web} (request
 * limits).
 */
package io.agentic.workflow;
