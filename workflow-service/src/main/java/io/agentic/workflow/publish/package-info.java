/**
 * The topics workflow-service owns and what it publishes on them: {@code workflow.versions.v1},
 * {@code workflow.access.v1} (both compacted) and {@code workflow.events.v1}. A save answers only
 * once the broker has acknowledged its records; a relay publishes what a failed request could not.
 */
package io.agentic.workflow.publish;
