/** The admin account created from the operator's settings at start-up. */
package io.agentic.auth.admin;
