/**
 * workflow-service: workflow graphs, their immutable versions and who may use them. Features:
 * {@code graph} (the model and its validation), {@code store} (MongoDB), {@code cache} (the Redis
 * read cache), {@code crud} (the REST API), {@code versions}, {@code sharing}, {@code templates},
 * {@code transfer} (import/export), {@code analytics} (the admin summary), {@code publish} (Kafka),
 * {@code docs} (OpenAPI) and {@code web} (request limits).
 */
package io.agentic.workflow;
