package io.agentic.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiScopesTest {

  @Test
  void loginTokensCarryNoScopesAndMayDoAnything() {
    assertThat(ApiScopes.permits(Set.of(), "DELETE", "/api/workflows/w1")).isTrue();
    assertThat(ApiScopes.permits(Set.of(), "POST", "/api/auth/api-keys")).isTrue();
  }

  @Test
  void readScopeReadsWorkflowsAndExecutionsButWritesNothing() {
    Set<String> read = Set.of(ApiScopes.WORKFLOWS_READ);

    assertThat(ApiScopes.permits(read, "GET", "/api/workflows")).isTrue();
    assertThat(ApiScopes.permits(read, "GET", "/api/executions/e1")).isTrue();
    assertThat(ApiScopes.permits(read, "PUT", "/api/workflows/w1")).isFalse();
    assertThat(ApiScopes.permits(read, "POST", "/api/executions")).isFalse();
    assertThat(ApiScopes.permits(read, "POST", "/api/executions/e1/events/ticket")).isTrue();
    assertThat(ApiScopes.permits(read, "POST", "/v1/chat/completions")).isFalse();
  }

  @Test
  void eachWriteNeedsItsOwnScope() {
    assertThat(ApiScopes.permits(Set.of(ApiScopes.EXECUTIONS_RUN), "POST", "/api/executions"))
        .isTrue();
    assertThat(ApiScopes.permits(Set.of(ApiScopes.WORKFLOWS_WRITE), "POST", "/api/workflows"))
        .isTrue();
    assertThat(ApiScopes.permits(Set.of(ApiScopes.AI_USE), "POST", "/v1/chat/completions"))
        .isTrue();
    assertThat(ApiScopes.permits(Set.of(ApiScopes.AI_USE), "GET", "/api/ai/providers")).isTrue();
  }

  @Test
  void accountManagementNeedsALoginWhateverTheScopes() {
    assertThat(ApiScopes.permits(ApiScopes.ALL, "POST", "/api/auth/api-keys")).isFalse();
    assertThat(ApiScopes.permits(ApiScopes.ALL, "PUT", "/api/auth/users/u1/role")).isFalse();
    assertThat(ApiScopes.permits(ApiScopes.ALL, "GET", "/api/auth/me")).isTrue();
    assertThat(ApiScopes.permits(Set.of(ApiScopes.AI_USE), "GET", "/actuator/health")).isTrue();
  }
}
