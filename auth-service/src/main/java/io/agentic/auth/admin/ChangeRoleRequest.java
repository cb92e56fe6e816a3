package io.agentic.auth.admin;

record ChangeRoleRequest(String role) {}
