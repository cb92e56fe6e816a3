/** {@code /api/workflows/analytics/summary}: installation-wide workflow counts for admins. */
package io.agentic.workflow.analytics;
