/**
 * The {@code workflows} collection (current state, guarded by its version number) and {@code
 * workflow_versions} (one immutable document per saved version), and the access rules that decide
 * who may read, edit and manage a workflow.
 */
package io.agentic.workflow.store;
