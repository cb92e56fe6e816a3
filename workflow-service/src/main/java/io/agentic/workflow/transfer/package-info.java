/**
 * Workflows as portable files: {@code GET /api/workflows/{id}/export} (secrets hidden, no user ids)
 * and {@code POST /api/workflows/import} (strict: unknown fields are rejected).
 */
package io.agentic.workflow.transfer;
