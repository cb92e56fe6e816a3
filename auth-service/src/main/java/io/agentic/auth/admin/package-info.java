/**
 * Administration: the admin account created from the operator's settings at start-up, role changes
 * and account deletion — each ending every token and key of the account concerned.
 */
package io.agentic.auth.admin;
