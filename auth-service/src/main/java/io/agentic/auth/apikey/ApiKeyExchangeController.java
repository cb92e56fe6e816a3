package io.agentic.auth.apikey;

import io.agentic.auth.token.IssuedAccessToken;
import io.agentic.platform.problem.ApiException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway's door: turns an API key into a short-lived access token. Public for the token check
 * (the caller has no token yet) but closed to everyone without the gateway secret; the gateway
 * itself never routes client requests here.
 */
@RestController
class ApiKeyExchangeController {

  static final String PATH = "/api/auth/api-keys/exchange";

  private static final Logger log = LoggerFactory.getLogger(ApiKeyExchangeController.class);

  private final ApiKeys keys;
  private final GatewaySecret gatewaySecret;

  ApiKeyExchangeController(ApiKeys keys, GatewaySecret gatewaySecret) {
    this.keys = keys;
    this.gatewaySecret = gatewaySecret;
  }

  @PostMapping(PATH)
  ResponseEntity<ExchangedToken> exchange(
      @RequestHeader(name = GatewaySecret.HEADER, required = false) String secret,
      @RequestBody ExchangeRequest request) {
    if (!gatewaySecret.matches(secret)) {
      log.warn("Refused an API-key exchange without the gateway secret");
      throw ApiException.forbidden("Only the gateway may exchange API keys");
    }
    IssuedAccessToken token;
    try {
      token =
          keys.exchange(request.key())
              .orElseThrow(
                  () ->
                      new ApiException(
                          HttpStatus.UNAUTHORIZED,
                          "INVALID_API_KEY",
                          "The API key is invalid or has been deleted"));
    } catch (DataAccessException e) {
      // Every key token must be revocable: without Redis to record it, none is issued.
      log.warn("Cannot exchange an API key right now: {}", e.toString());
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, "5");
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "SERVICE_UNAVAILABLE",
          "API keys cannot be exchanged right now; try again shortly",
          List.of(),
          headers);
    }
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new ExchangedToken(token.value(), token.expiresIn()));
  }
}
