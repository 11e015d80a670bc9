package dev.cria;

import dev.cria.config.ConfigException;
import dev.cria.config.EnvironmentVariables;
import io.micronaut.runtime.Micronaut;
import java.util.Map;

/** Starts Cria: checks the environment, then runs the Micronaut application. */
public final class Application {

  private Application() {}

  public static void main(String[] args) {
    Map<String, Object> properties;
    try {
      properties = EnvironmentVariables.toProperties(System.getenv());
    } catch (ConfigException e) {
      System.err.println("Cria cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.setProperty(
        "cria.log.format", String.valueOf(properties.getOrDefault("cria.log-format", "text")));
    Micronaut.build(args).mainClass(Application.class).banner(false).properties(properties).start();
  }
}
