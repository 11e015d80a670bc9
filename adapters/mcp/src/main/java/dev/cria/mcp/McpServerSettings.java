package dev.cria.mcp;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One MCP server Cria takes tools from ({@code CRIA_MCP_SERVERS} and {@code CRIA_MCP_<NAME>_*},
 * checked at startup by the app's configuration).
 *
 * @param name the operator's name for it, lower-case letters and digits: the prefix of its tools'
 *     names ({@code github__create_issue}) and the {@code <NAME>} of its variables
 * @param url the streamable HTTP endpoint, e.g. {@code https://mcp.example/mcp}
 * @param token sent as {@code Authorization: Bearer}, null for a server that needs none; never
 *     logged or shown
 * @param confirm the server's tool names that change something, {@code *} matching any run of
 *     characters: they run only after the asker confirms
 * @param refresh how often the tool list is read again (the server's {@code list_changed}
 *     notifications update it sooner)
 * @param retry the first wait before connecting again after a failure; it doubles up to {@link
 *     #MAX_RETRY}
 * @param connectTimeout the longest wait for a connection, and for each request of the handshake
 */
@EachProperty("cria.mcp.servers")
public record McpServerSettings(
    @Parameter String name,
    URI url,
    @Nullable String token,
    @Bindable(defaultValue = "") List<String> confirm,
    @Bindable(defaultValue = "5m") Duration refresh,
    @Bindable(defaultValue = "5s") Duration retry,
    @Bindable(defaultValue = "10s") Duration connectTimeout) {

  public static final Duration MAX_RETRY = Duration.ofMinutes(2);

  public McpServerSettings {
    confirm = confirm == null ? List.of() : List.copyOf(confirm);
  }

  /** The variable that holds this server's token, for messages that tell what to check. */
  public String tokenVariable() {
    return "CRIA_MCP_" + name.toUpperCase(java.util.Locale.ROOT) + "_TOKEN";
  }

  /** The URL without its query, so that a key someone put there is never shown. */
  public String endpoint() {
    return url.getScheme()
        + "://"
        + url.getAuthority()
        + (url.getPath() == null ? "" : url.getPath());
  }

  /** Never the token. */
  @Override
  public String toString() {
    return "McpServerSettings[name="
        + name
        + ", url="
        + endpoint()
        + ", token="
        + (token == null ? "none" : "***")
        + ", confirm="
        + confirm
        + "]";
  }
}
