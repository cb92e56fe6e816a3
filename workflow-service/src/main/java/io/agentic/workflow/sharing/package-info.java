/** {@code /api/workflows/{id}/permissions}: owners, editors, viewers and public visibility. */
package io.agentic.workflow.sharing;
