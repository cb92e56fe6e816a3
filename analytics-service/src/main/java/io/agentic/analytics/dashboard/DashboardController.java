package io.agentic.analytics.dashboard;

import io.agentic.analytics.AnalyticsProperties;
import io.agentic.analytics.health.HealthReport;
import io.agentic.analytics.health.SystemHealth;
import io.agentic.platform.problem.ApiException;
import io.agentic.platform.security.CurrentUser;
import io.agentic.platform.web.RequestIds;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code /api/dashboard}: the suite's live figures, for admins only. */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

  private final DashboardFigures figures;
  private final SystemHealth health;
  private final DashboardStream stream;
  private final AiRouterTest aiRouterTest;
  private final AnalyticsProperties properties;

  DashboardController(
      DashboardFigures figures,
      SystemHealth health,
      DashboardStream stream,
      AiRouterTest aiRouterTest,
      AnalyticsProperties properties) {
    this.figures = figures;
    this.health = health;
    this.stream = stream;
    this.aiRouterTest = aiRouterTest;
    this.properties = properties;
  }

  @GetMapping("/overview")
  Overview overview(CurrentUser user) {
    requireAdmin(user);
    return figures.overview();
  }

  @GetMapping("/ai-status")
  AiStatus aiStatus(CurrentUser user) {
    requireAdmin(user);
    return figures.aiStatus();
  }

  @GetMapping("/workflows")
  PageView<WorkflowView> workflows(
      CurrentUser user,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    requireAdmin(user);
    return figures.workflows(page, size);
  }

  @GetMapping("/health")
  HealthReport health(CurrentUser user) {
    requireAdmin(user);
    return health.current();
  }

  @GetMapping("/metrics")
  MetricsSeries metrics(
      CurrentUser user,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    requireAdmin(user);
    return figures.metrics(MetricsRange.parse(from, to, figures.now()));
  }

  @PostMapping("/test-ai")
  ResponseEntity<byte[]> testAi(
      CurrentUser user,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    requireAdmin(user);
    return aiRouterTest.run(authorization, MDC.get(RequestIds.MDC_KEY));
  }

  /** Open until the caller's token expires (or {@code max-stream-duration}, if sooner). */
  @GetMapping("/stream")
  SseEmitter stream(CurrentUser user, @AuthenticationPrincipal Jwt token) {
    requireAdmin(user);
    Duration openFor = properties.maxStreamDuration();
    Instant expiresAt = token == null ? null : token.getExpiresAt();
    if (expiresAt != null) {
      Duration left = Duration.between(figures.now(), expiresAt);
      openFor = left.compareTo(openFor) < 0 ? left : openFor;
    }
    return stream.subscribe(
        openFor.isNegative() || openFor.isZero() ? Duration.ofSeconds(1) : openFor);
  }

  private static void requireAdmin(CurrentUser user) {
    if (!user.isAdmin()) {
      throw ApiException.forbidden("The dashboard is for admins only");
    }
  }
}
