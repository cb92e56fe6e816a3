package io.agentic.auth.apikey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keeps the API-key pepper in a file (32 random bytes, base64url, mode 600), created on first use,
 * so that keys survive restarts. A file that exists but does not hold a usable pepper stops the
 * start-up rather than being replaced: replacing it would silently invalidate every key.
 */
final class PepperFile {

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final SecureRandom RANDOM = new SecureRandom();

  private PepperFile() {}

  static byte[] loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        createIfAbsent(file);
      }
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot use the API-key pepper file " + file, e);
    }
  }

  private static byte[] read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
    try {
      byte[] pepper = Base64.getUrlDecoder().decode(text);
      if (pepper.length >= 16) {
        return pepper;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new IllegalStateException(
        "The API-key pepper file " + file + " does not hold a base64url pepper of 16+ bytes");
  }

  /**
   * Writes a temporary file, then links it into place only if nothing is there yet; false when
   * another process created it first (then both use its pepper).
   */
  private static boolean createIfAbsent(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir, attributes("rwx------"));
    Path temp = Files.createTempFile(dir, ".api-key-pepper", ".tmp", attributes("rw-------"));
    try {
      byte[] pepper = new byte[32];
      RANDOM.nextBytes(pepper);
      Files.writeString(
          temp,
          Base64.getUrlEncoder().withoutPadding().encodeToString(pepper),
          StandardCharsets.US_ASCII);
      try {
        Files.createLink(file, temp);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (UnsupportedOperationException | IOException e) {
        if (Files.exists(file)) {
          return false;
        }
        Files.move(temp, file);
        return true;
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static FileAttribute<?>[] attributes(String mode) {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))
        }
        : new FileAttribute<?>[0];
  }
}
