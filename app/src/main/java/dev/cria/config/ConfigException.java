package dev.cria.config;

/** Configuration that Cria cannot start with. The message names the variable and the fix. */
public class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }
}
