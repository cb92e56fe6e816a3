package io.agentic.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyUse;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

  @Test
  void generatesEs256SigningKeyWithKid() {
    ECKey key = SigningKeys.newKey();

    assertThat(key.getKeyID()).isNotBlank();
    assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
    assertThat(key.isPrivate()).isTrue();
  }

  @Test
  void publishesOnlyPublicHalves() {
    SigningKeys keys = SigningKeys.generate();

    assertThat(keys.publicJwkSet().getKeys()).hasSize(1).noneMatch(JWK::isPrivate);
    assertThat(keys.publicJwkSet().toString(false)).doesNotContain("\"d\"");
  }

  @Test
  void newestKeySignsAndEveryKeyVerifies() throws Exception {
    SigningKeys keys = SigningKeys.generate();
    ECKey first = keys.signingKey();
    ECKey second = SigningKeys.newKey();

    keys.add(second);

    assertThat(keys.signingKey()).isEqualTo(second);
    List<JWK> verifying =
        keys.verificationKeys().get(new JWKSelector(new JWKMatcher.Builder().build()), null);
    assertThat(verifying)
        .extracting(JWK::getKeyID)
        .containsExactly(second.getKeyID(), first.getKeyID());
    assertThat(verifying).noneMatch(JWK::isPrivate);
  }

  @Test
  void refusesPublicOrEmptyKeys() {
    assertThatThrownBy(() -> new SigningKeys(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SigningKeys(List.of(SigningKeys.newKey().toPublicJWK())))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
