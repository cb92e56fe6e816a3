package io.agentic.auth.session;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up, sign-in, token refresh and sign-out. Answers holding tokens are never cached. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

  private final Sessions sessions;

  AuthController(Sessions sessions) {
    this.sessions = sessions;
  }

  @PostMapping("/register")
  ResponseEntity<SessionResponse> register(@RequestBody RegisterRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .cacheControl(CacheControl.noStore())
        .body(sessions.register(request));
  }

  @PostMapping("/login")
  ResponseEntity<SessionResponse> login(@RequestBody LoginRequest request) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(sessions.login(request));
  }

  @PostMapping("/refresh")
  ResponseEntity<SessionResponse> refresh(@RequestBody RefreshRequest request) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(sessions.refresh(request));
  }

  @PostMapping("/logout")
  ResponseEntity<Void> logout(
      @AuthenticationPrincipal Jwt accessToken,
      @RequestBody(required = false) LogoutRequest request) {
    sessions.logout(accessToken, request == null ? null : request.refreshToken());
    return ResponseEntity.noContent().build();
  }
}
