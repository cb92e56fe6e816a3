/** Security-relevant actions published to the audit topic. */
package io.agentic.auth.audit;
