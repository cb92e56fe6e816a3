/** {@code /api/workflows}: create, list, read, replace (with {@code If-Match}), delete, copy. */
package io.agentic.workflow.crud;
