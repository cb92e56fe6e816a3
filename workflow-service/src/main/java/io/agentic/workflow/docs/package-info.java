/** The service's OpenAPI 3.1 description ({@code /v3/api-docs}, public, no UI). */
package io.agentic.workflow.docs;
