package io.agentic.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The EC P-256 keys auth-service signs access tokens with, newest first. The newest signs; every
 * key held is published in the JWKS and accepted when verifying, so a rotation ({@link #add})
 * publishes the new key while tokens signed with the older ones stay valid until they are retired.
 * Thread-safe: readers always see a complete, immutable set.
 */
public final class SigningKeys {

  private volatile Snapshot snapshot;

  public SigningKeys(List<ECKey> newestFirst) {
    this.snapshot = Snapshot.of(newestFirst);
  }

  /** A fresh set holding one newly generated key (tests, and a first start). */
  public static SigningKeys generate() {
    return new SigningKeys(List.of(newKey()));
  }

  /** A new ES256 signing key with a random {@code kid}. */
  public static ECKey newKey() {
    try {
      return new ECKeyGenerator(Curve.P_256)
          .keyID(UUID.randomUUID().toString())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.ES256)
          .issueTime(new Date())
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate an EC P-256 key", e);
    }
  }

  /** The private key new tokens are signed with. */
  public ECKey signingKey() {
    return snapshot.keys.getFirst();
  }

  /** Every key's public half: what the JWKS endpoint publishes and what verification uses. */
  public JWKSet publicJwkSet() {
    return snapshot.publicSet;
  }

  /** Verification keys for Nimbus, read afresh on every lookup so rotations apply at once. */
  public JWKSource<SecurityContext> verificationKeys() {
    return (selector, context) -> selector.select(snapshot.publicSet);
  }

  /** Makes {@code key} the signing key; the older keys stay published. */
  public synchronized void add(ECKey key) {
    List<ECKey> keys = new ArrayList<>(snapshot.keys.size() + 1);
    keys.add(key);
    keys.addAll(snapshot.keys);
    snapshot = Snapshot.of(keys);
  }

  /** The private keys, newest first, as they persist. */
  List<ECKey> keys() {
    return snapshot.keys;
  }

  private record Snapshot(List<ECKey> keys, JWKSet publicSet) {

    static Snapshot of(List<ECKey> newestFirst) {
      if (newestFirst.isEmpty()) {
        throw new IllegalArgumentException("At least one signing key is needed");
      }
      for (ECKey key : newestFirst) {
        if (!key.isPrivate() || !Curve.P_256.equals(key.getCurve()) || key.getKeyID() == null) {
          throw new IllegalArgumentException("Signing keys must be private EC P-256 keys with kid");
        }
      }
      List<JWK> publicKeys = newestFirst.stream().map(k -> (JWK) k.toPublicJWK()).toList();
      return new Snapshot(List.copyOf(newestFirst), new JWKSet(publicKeys));
    }
  }
}
