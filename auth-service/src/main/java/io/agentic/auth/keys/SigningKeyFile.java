package io.agentic.auth.keys;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.List;

/**
 * Keeps the signing keys in a file (a JWK set holding the private keys, newest first), so that
 * tokens survive restarts. The file is created with mode 600 where the file system knows POSIX
 * modes. A file that exists but cannot be read as EC keys stops the start-up rather than being
 * replaced: it may be the operator's key.
 */
final class SigningKeyFile {

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private SigningKeyFile() {}

  /** The keys in {@code file}; when it does not exist, a new key written to it. */
  static SigningKeys loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return read(file);
      }
      SigningKeys generated = SigningKeys.generate();
      if (createIfAbsent(file, generated)) {
        return generated;
      }
      // Another process created it first: use its key, so both sign with the same one.
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot use the signing key file " + file, e);
    }
  }

  /** Replaces the file's content (after a rotation). */
  static void write(Path file, SigningKeys keys) {
    try {
      Path temp = temporaryBeside(file, keys);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the signing key file " + file, e);
    }
  }

  private static SigningKeys read(Path file) throws IOException {
    try {
      JWKSet set = JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
      List<ECKey> keys =
          set.getKeys().stream().filter(k -> k instanceof ECKey).map(JWK::toECKey).toList();
      return new SigningKeys(keys);
    } catch (ParseException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "The signing key file "
              + file
              + " does not hold private EC P-256 keys with a kid; fix or remove it",
          e);
    }
  }

  /** Writes a temporary file, then links it into place only if nothing is there yet. */
  private static boolean createIfAbsent(Path file, SigningKeys keys) throws IOException {
    Path temp = temporaryBeside(file, keys);
    try {
      Files.createLink(file, temp);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (UnsupportedOperationException | IOException e) {
      if (Files.exists(file)) {
        return false;
      }
      // No hard links on this file system: a plain move is good enough for one process.
      Files.move(temp, file);
      return true;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Path temporaryBeside(Path file, SigningKeys keys) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir, attributes("rwx------"));
    Path temp = Files.createTempFile(dir, ".signing-key", ".tmp", attributes("rw-------"));
    String json = new JWKSet(List.<JWK>copyOf(keys.keys())).toString(false);
    Files.writeString(temp, json, StandardCharsets.UTF_8);
    return temp;
  }

  private static FileAttribute<?>[] attributes(String mode) {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))
        }
        : new FileAttribute<?>[0];
  }
}
