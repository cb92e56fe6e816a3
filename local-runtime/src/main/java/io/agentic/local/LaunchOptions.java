package io.agentic.local;

import io.agentic.local.services.AgenticService;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What {@code LocalMode}'s command line asks for: everything in one JVM (no arguments), only the
 * infrastructure ({@code --infra-only}), or one service against external infrastructure ({@code
 * --service <name> [--instance N] [--port P]}) — the multi-process mode of {@code ./agentic multi}.
 *
 * @param mode which of the three
 * @param service the service to run, for {@link Mode#SERVICE}
 * @param instance 1 for the first instance of a service, 2 and up for more on other ports
 * @param port the port to listen on, or {@code 0} for the service's configured port (plus 100 for
 *     every instance after the first)
 */
record LaunchOptions(Mode mode, AgenticService service, int instance, int port) {

  enum Mode {
    ALL,
    INFRA_ONLY,
    SERVICE
  }

  static final String USAGE =
      "usage: LocalMode [--infra-only | --service <"
          + Arrays.stream(AgenticService.values())
              .map(AgenticService::serviceName)
              .collect(Collectors.joining("|"))
          + "> [--instance N] [--port P]]";

  /**
   * @throws IllegalArgumentException with a one-line reason for a command line it cannot follow
   */
  static LaunchOptions parse(String... args) {
    Mode mode = Mode.ALL;
    AgenticService service = null;
    int instance = 1;
    int port = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--infra-only" -> mode = exclusive(mode, Mode.INFRA_ONLY);
        case "--service" -> {
          mode = exclusive(mode, Mode.SERVICE);
          service = serviceNamed(value(args, ++i, "--service"));
        }
        case "--instance" -> instance = number(value(args, ++i, "--instance"), "--instance");
        case "--port" -> port = number(value(args, ++i, "--port"), "--port");
        default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; " + USAGE);
      }
    }
    if (mode != Mode.SERVICE && (instance != 1 || port != 0)) {
      throw new IllegalArgumentException("--instance and --port go with --service; " + USAGE);
    }
    if (instance < 1 || port < 0 || port > 65535) {
      throw new IllegalArgumentException("--instance must be 1 or more, --port a port; " + USAGE);
    }
    return new LaunchOptions(mode, service, instance, port);
  }

  /** The port this instance listens on, given the service's configured one. */
  int portFor(int configured) {
    return port != 0 ? port : configured + 100 * (instance - 1);
  }

  private static Mode exclusive(Mode current, Mode wanted) {
    if (current != Mode.ALL) {
      throw new IllegalArgumentException("--infra-only and --service exclude each other; " + USAGE);
    }
    return wanted;
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value; " + USAGE);
    }
    return args[index];
  }

  private static int number(String value, String option) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number, not '" + value + "'");
    }
  }

  private static AgenticService serviceNamed(String name) {
    String full = name.endsWith("-service") ? name : name + "-service";
    for (AgenticService service : AgenticService.values()) {
      if (service.serviceName().equals(name) || service.serviceName().equals(full)) {
        return service;
      }
    }
    throw new IllegalArgumentException("no service named '" + name + "'; " + USAGE);
  }
}
