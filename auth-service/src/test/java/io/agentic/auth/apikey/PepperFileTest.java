package io.agentic.auth.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PepperFileTest {

  @TempDir Path dir;

  @Test
  void createsAPrivatePepperOnceAndReadsItBack() throws Exception {
    Path file = dir.resolve("auth/api-key-pepper");

    byte[] first = PepperFile.loadOrCreate(file);
    byte[] again = PepperFile.loadOrCreate(file);

    assertThat(first).hasSize(32).isEqualTo(again);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void refusesAFileWithoutAUsablePepper() throws Exception {
    Path file = dir.resolve("api-key-pepper");
    Files.writeString(file, "c2hvcnQ"); // "short"

    assertThatThrownBy(() -> PepperFile.loadOrCreate(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("api-key-pepper");
    assertThat(Files.readString(file)).isEqualTo("c2hvcnQ");
  }
}
