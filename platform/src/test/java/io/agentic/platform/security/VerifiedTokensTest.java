package io.agentic.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private final AtomicInteger verifications = new AtomicInteger();

  private final JwtDecoder verifier =
      token -> {
        verifications.incrementAndGet();
        if (token.startsWith("bad")) {
          throw new BadJwtException("signature does not match");
        }
        Instant expiresAt =
            token.startsWith("expired") ? NOW.minusSeconds(1) : NOW.plusSeconds(900);
        return Jwt.withTokenValue(token)
            .header("alg", "ES256")
            .subject("user-1")
            .issuedAt(expiresAt.minusSeconds(900))
            .expiresAt(expiresAt)
            .build();
      };

  private final VerifiedTokens tokens = new VerifiedTokens(100, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void verifiesATokenOnceWhileItIsValid() {
    JwtDecoder decoder = tokens.around(verifier);

    Jwt first = decoder.decode("token-a");
    Jwt second = decoder.decode("token-a");

    assertThat(second).isSameAs(first);
    assertThat(verifications).hasValue(1);
    decoder.decode("token-b");
    assertThat(verifications).hasValue(2);
  }

  @Test
  void neverKeepsATokenThatFailed() {
    JwtDecoder decoder = tokens.around(verifier);

    assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);

    assertThat(verifications).hasValue(2);
  }

  @Test
  void verifiesAgainOnceATokenHasExpired() {
    JwtDecoder decoder = tokens.around(verifier);

    decoder.decode("expired-token");
    decoder.decode("expired-token");

    assertThat(verifications).hasValue(2);
  }

  @Test
  void theGatewaysReactiveDecoderKeepsTokensToo() {
    ReactiveJwtDecoder reactive = token -> Mono.fromCallable(() -> verifier.decode(token));
    ReactiveJwtDecoder decoder = tokens.around(reactive);

    Jwt first = decoder.decode("token-r").block();
    Jwt second = decoder.decode("token-r").block();

    assertThat(second).isSameAs(first);
    assertThat(verifications).hasValue(1);
    assertThatThrownBy(() -> decoder.decode("bad-r").block()).isInstanceOf(BadJwtException.class);
  }
}
