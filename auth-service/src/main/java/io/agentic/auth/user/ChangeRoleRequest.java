package io.agentic.auth.user;

record ChangeRoleRequest(String role) {}
