/** Request limits the servlet container does not enforce for JSON: the 1 MiB body limit. */
package io.agentic.workflow.web;
