package dev.cria.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The MCP servers Cria takes tools from: {@code
 * CRIA_MCP_SERVERS=github=https://...,jira=https://...} names them and their streamable HTTP
 * endpoints, and each server {@code <NAME>} may have {@code CRIA_MCP_<NAME>_TOKEN} (its bearer
 * token) and {@code CRIA_MCP_<NAME>_CONFIRM} (its tools that change something, which run only after
 * the asker confirms). Any other {@code CRIA_MCP_*} variable is a typo and stops startup, so that a
 * token never silently goes unused.
 */
final class McpVariables {

  static final String SERVERS = "CRIA_MCP_SERVERS";

  private static final String PREFIX = "CRIA_MCP_";
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,19}");
  private static final Pattern TOOL_GLOB = Pattern.compile("[A-Za-z0-9_./*-]+");
  private static final String EXAMPLE =
      "github=https://mcp.example.com/mcp,jira=http://jira-mcp:8080/mcp";

  private final VariableReader read;

  McpVariables(VariableReader read) {
    this.read = read;
  }

  void read() {
    Map<String, URI> servers = servers(read.value(SERVERS));
    for (Map.Entry<String, URI> server : servers.entrySet()) {
      String property = "cria.mcp.servers." + server.getKey();
      String upper = server.getKey().toUpperCase(Locale.ROOT);
      read.put(property + ".url", server.getValue().toString());
      token(PREFIX + upper + "_TOKEN", property + ".token");
      confirm(PREFIX + upper + "_CONFIRM", property + ".confirm");
    }
    for (String name : new TreeSet<>(read.namesStartingWith(PREFIX))) {
      if (read.value(name) != null && !name.equals(SERVERS) && !known(name, servers.keySet())) {
        throw new ConfigException(unknown(name, servers.keySet()));
      }
    }
  }

  private static Map<String, URI> servers(String value) {
    Map<String, URI> servers = new LinkedHashMap<>();
    if (value == null) {
      return servers;
    }
    for (String entry : value.split(",", -1)) {
      String[] parts = entry.strip().split("=", 2);
      if (parts.length != 2 || !NAME.matcher(parts[0].strip()).matches()) {
        throw new ConfigException(
            SERVERS
                + " must list name=url entries separated by commas, each name lower-case letters"
                + " and digits starting with a letter (at most 20), e.g. "
                + EXAMPLE
                + "; got: '"
                + entry.strip()
                + "'");
      }
      String name = parts[0].strip();
      if (servers.containsKey(name)) {
        throw new ConfigException(SERVERS + " names the server " + name + " twice");
      }
      servers.put(name, url(name, parts[1].strip()));
    }
    return servers;
  }

  private static URI url(String name, String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new ConfigException(SERVERS + ": the URL of " + name + " is not a valid URL: " + value);
    }
    if (uri.getScheme() == null
        || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
        || uri.getHost() == null) {
      throw new ConfigException(
          SERVERS + ": the URL of " + name + " must be an http(s) URL, got: " + value);
    }
    if (uri.getRawUserInfo() != null) {
      // Said without the URL: what stands before the @ is likely a secret.
      throw new ConfigException(
          SERVERS
              + ": the URL of "
              + name
              + " holds a user or password; put the server's token in "
              + PREFIX
              + name.toUpperCase(Locale.ROOT)
              + "_TOKEN instead");
    }
    return uri;
  }

  private void token(String variable, String property) {
    String token = read.value(variable);
    if (token == null) {
      return;
    }
    if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      // Never echoed: it is a secret.
      throw new ConfigException(
          variable + " must be one bearer token: printable ASCII without spaces or line breaks");
    }
    read.put(property, token);
  }

  private void confirm(String variable, String property) {
    String value = read.value(variable);
    if (value == null) {
      return;
    }
    List<String> globs = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String glob = part.strip();
      if (!TOOL_GLOB.matcher(glob).matches()) {
        throw new ConfigException(
            variable
                + " must list the server's tool names separated by commas, * matching any"
                + " characters (e.g. create_issue,delete_*, or * for all); got: '"
                + glob
                + "'");
      }
      globs.add(glob);
    }
    read.put(property, globs);
  }

  private static boolean known(String variable, Set<String> servers) {
    for (String server : servers) {
      String upper = PREFIX + server.toUpperCase(Locale.ROOT);
      if (variable.equals(upper + "_TOKEN") || variable.equals(upper + "_CONFIRM")) {
        return true;
      }
    }
    return false;
  }

  private static String unknown(String variable, Set<String> servers) {
    String rest = variable.substring(PREFIX.length());
    int underscore = rest.lastIndexOf('_');
    String server = underscore > 0 ? rest.substring(0, underscore).toLowerCase(Locale.ROOT) : "";
    if (!server.isEmpty() && !servers.contains(server)) {
      return variable
          + " is set but "
          + SERVERS
          + " names no server "
          + server
          + (servers.isEmpty() ? "" : " (it names " + String.join(", ", servers) + ")");
    }
    return variable
        + " is not a variable Cria reads; each server of "
        + SERVERS
        + " takes CRIA_MCP_<NAME>_TOKEN and CRIA_MCP_<NAME>_CONFIRM";
  }
}
