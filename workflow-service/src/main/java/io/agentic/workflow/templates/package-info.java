/**
 * {@code /api/templates}: ready workflows, read from {@code templates/*.json} and validated at
 * start-up, and their instantiation as workflows of the caller (templates they run as sub-workflows
 * are instantiated first and referenced by their new ids).
 */
package io.agentic.workflow.templates;
