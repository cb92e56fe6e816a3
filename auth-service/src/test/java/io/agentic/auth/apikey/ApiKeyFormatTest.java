package io.agentic.auth.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

  @Test
  void composesKeysThatParseBackIntoTheirParts() {
    String id = ApiKeyFormat.newId();
    String secret = ApiKeyFormat.newSecret();

    String key = ApiKeyFormat.compose(id, secret);

    assertThat(key).startsWith("agk_" + id + "_").hasSize(4 + 12 + 1 + 43);
    assertThat(ApiKeyFormat.parse(key)).hasValue(new ApiKeyFormat.Parts(id, secret));
    assertThat(ApiKeyFormat.prefix(id)).isEqualTo("agk_" + id);
  }

  @Test
  void makesRandomBase62IdsAndSecrets() {
    Set<String> secrets = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String secret = ApiKeyFormat.newSecret();
      assertThat(secret).matches("[0-9A-Za-z]{43}");
      secrets.add(secret);
    }
    assertThat(secrets).hasSize(1000);
    assertThat(ApiKeyFormat.newId()).matches("[0-9A-Za-z]{12}");
  }

  @Test
  void refusesAnythingElse() {
    String good = ApiKeyFormat.compose(ApiKeyFormat.newId(), ApiKeyFormat.newSecret());
    for (String bad :
        new String[] {
          null,
          "",
          "agk_",
          good + "x",
          good.substring(1),
          good.replace("agk_", "AGK_"),
          good.substring(0, good.length() - 1) + "-",
          "agk_abc_def",
          "{\"$ne\":null}",
          ".*",
          good + "\n",
          "a".repeat(10_000)
        }) {
      assertThat(ApiKeyFormat.parse(bad)).as(String.valueOf(bad)).isEmpty();
    }
  }

  @Test
  void neverPrintsTheSecret() {
    assertThat(new ApiKeyFormat.Parts("id", "s3cr3t").toString()).doesNotContain("s3cr3t");
  }
}
