package io.agentic.airouter.resilience;

import io.agentic.airouter.provider.ProviderException;
import java.time.Duration;

/** Told about every call made to a provider, retries included, as it ends. */
public interface AttemptObserver<T> {

  void succeeded(T answer, Duration latency);

  void failed(ProviderException failure, Duration latency);
}
