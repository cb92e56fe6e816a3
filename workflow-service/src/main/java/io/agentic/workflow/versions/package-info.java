/** {@code /api/workflows/{id}/versions}: every saved version, as it was. */
package io.agentic.workflow.versions;
