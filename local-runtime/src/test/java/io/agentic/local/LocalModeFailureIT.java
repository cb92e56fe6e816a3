package io.agentic.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentic.local.infra.FreePorts;
import io.agentic.local.services.AgenticService;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service that cannot start stops local mode as a whole, with one line saying why. */
class LocalModeFailureIT {

  @TempDir Path dataDir;

  @Test
  void aServiceThatCannotStartStopsEverythingAndNamesIt() throws Exception {
    // given every service on a known port, and auth-service's port already taken
    LocalSettings settings = LocalSettings.onFreePorts(dataDir);
    Map<AgenticService, Integer> ports = new EnumMap<>(AgenticService.class);
    for (AgenticService service : AgenticService.values()) {
      ports.put(service, FreePorts.next());
      settings = settings.withPort(service, ports.get(service));
    }
    LocalSettings withAuthPortTaken = settings;
    int authPort = ports.get(AgenticService.AUTH);

    long began = System.nanoTime();
    try (ServerSocket taken = new ServerSocket(authPort, 1, InetAddress.getByName("0.0.0.0"))) {
      // when / then
      assertThatThrownBy(() -> LocalMode.start(withAuthPortTaken))
          .isInstanceOf(LocalStartupException.class)
          .hasMessage("auth-service failed to start: Port " + authPort + " is already in use");
    }
    // without waiting out the others' start-up timeout (120 s)
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(90));

    // and everything that had started was stopped again
    ports.forEach(
        (service, port) ->
            assertThat(LocalModeIT.canBind(port)).as(service.serviceName()).isTrue());
    assertThat(dataDir.resolve("redis/redis.pid")).doesNotExist();
    try (DataDirLock lock = DataDirLock.acquire(dataDir)) {
      assertThat(lock).isNotNull();
    }
  }
}
