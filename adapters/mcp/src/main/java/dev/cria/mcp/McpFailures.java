package dev.cria.mcp;

import dev.cria.chat.ConnectionProblems;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpTransportException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Why talking to an MCP server failed, in one short sentence for the user, the model and the log.
 * Names the variable to check; never holds the token (the SDK's authorization failure carries the
 * request's headers, so it is never passed on as a cause: see {@link #safeCause}).
 */
final class McpFailures {

  private static final int MAX_DETAIL = 200;

  private McpFailures() {}

  /** What went wrong while listing tools or connecting, and what the operator should check. */
  static String connecting(McpServerSettings server, Throwable failure) {
    String what = "MCP server " + server.name() + " (" + server.endpoint() + ") ";
    String missing = ConnectionProblems.missingClass(failure);
    if (missing != null) {
      return what + "cannot be used: " + ConnectionProblems.missingClassAdvice(missing);
    }
    McpHttpClientTransportAuthorizationException refused =
        find(failure, McpHttpClientTransportAuthorizationException.class);
    if (refused != null) {
      return what
          + "refused Cria's token (HTTP "
          + refused.getResponseInfo().statusCode()
          + "); check "
          + server.tokenVariable();
    }
    if (find(failure, UnknownHostException.class) != null) {
      return what + "has an unknown host name; check CRIA_MCP_SERVERS";
    }
    if (find(failure, ConnectException.class) != null
        || find(failure, HttpConnectTimeoutException.class) != null) {
      return what + "cannot be reached (is it running, and is its URL in CRIA_MCP_SERVERS right?)";
    }
    if (find(failure, TimeoutException.class) != null) {
      return what + "did not answer in time";
    }
    McpTransportException transport = find(failure, McpTransportException.class);
    if (transport != null && String.valueOf(transport.getMessage()).contains("Status code:404")) {
      // The SDK's words for a 404 without a session: nothing serves MCP at that path.
      return what + "answered 404: no MCP endpoint at that path; check the URL in CRIA_MCP_SERVERS";
    }
    return what + "failed: " + detail(failure);
  }

  /** Why a tool call failed, for the user and the model. */
  static String calling(
      McpServerSettings server, String tool, Duration timeout, Throwable failure) {
    if (find(failure, TimeoutException.class) != null) {
      return "The tool " + tool + " did not answer within " + seconds(timeout) + ".";
    }
    McpError error = find(failure, McpError.class);
    if (error != null) {
      return "The tool " + tool + " was refused by its server: " + cut(error.getMessage()) + ".";
    }
    if (find(failure, McpHttpClientTransportAuthorizationException.class) != null) {
      return "The tool " + tool + " is not available: its server refused Cria's token.";
    }
    if (find(failure, ConnectException.class) != null
        || find(failure, McpTransportException.class) != null) {
      return "The tool "
          + tool
          + " is not available: MCP server "
          + server.name()
          + " cannot be reached.";
    }
    return "The tool " + tool + " failed: " + detail(failure) + ".";
  }

  /**
   * Whether a call failed because of the server, not the tool: not a timeout and not the server's
   * refusal of this one call, so that the tool list should be read again.
   */
  static boolean lostServer(Throwable failure) {
    return find(failure, TimeoutException.class) == null && find(failure, McpError.class) == null;
  }

  /** The failure to keep as a cause, or null when it may carry a secret. */
  static Throwable safeCause(Throwable failure) {
    return find(failure, McpHttpClientTransportAuthorizationException.class) == null
        ? failure
        : null;
  }

  private static String detail(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + cut(message));
  }

  private static String cut(String text) {
    if (text == null) {
      return "no reason given";
    }
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "…" : line;
  }

  static String seconds(Duration timeout) {
    long millis = timeout.toMillis();
    return millis % 1000 == 0
        ? millis / 1000 + " s"
        : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
