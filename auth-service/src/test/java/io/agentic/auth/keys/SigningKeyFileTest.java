package io.agentic.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFileTest {

  @TempDir Path dir;

  @Test
  void persistsGeneratedKeyAcrossLoads() throws Exception {
    // given no file yet, in a directory that does not exist yet
    Path file = dir.resolve("auth/signing-key.json");

    // when loaded twice
    SigningKeys first = SigningKeyFile.loadOrCreate(file);
    SigningKeys second = SigningKeyFile.loadOrCreate(file);

    // then the same private key signs both times
    assertThat(Files.exists(file)).isTrue();
    assertThat(second.signingKey().toJSONObject()).isEqualTo(first.signingKey().toJSONObject());
    assertThat(second.signingKey().isPrivate()).isTrue();
    assertThat(second.signingKey().getKeyID()).isEqualTo(first.signingKey().getKeyID());
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    try (var leftovers = Files.list(file.getParent())) {
      assertThat(leftovers).containsExactly(file);
    }
  }

  @Test
  void persistsRotatedKeysNewestFirst() {
    Path file = dir.resolve("signing-key.json");
    SigningKeys keys = SigningKeyFile.loadOrCreate(file);
    ECKey old = keys.signingKey();
    ECKey rotated = SigningKeys.newKey();

    keys.add(rotated);
    SigningKeyFile.write(file, keys);
    SigningKeys reloaded = SigningKeyFile.loadOrCreate(file);

    assertThat(reloaded.signingKey().toJSONObject()).isEqualTo(rotated.toJSONObject());
    assertThat(reloaded.publicJwkSet().getKeyByKeyId(old.getKeyID())).isNotNull();
    assertThat(reloaded.publicJwkSet().getKeys()).hasSize(2);
  }

  @Test
  void refusesFileWithoutUsableKeys() throws Exception {
    Path file = dir.resolve("signing-key.json");
    Files.writeString(file, "{\"keys\":[]}");

    assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not hold private EC P-256 keys");
    assertThat(Files.readString(file)).isEqualTo("{\"keys\":[]}");
  }

  @Test
  void refusesPublicOnlyKey() throws Exception {
    Path file = dir.resolve("signing-key.json");
    Files.writeString(file, SigningKeys.generate().publicJwkSet().toString());

    assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(file))
        .isInstanceOf(IllegalStateException.class);
  }
}
