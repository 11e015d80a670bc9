package dev.cria.slack;

import dev.cria.chat.Attachment;
import dev.cria.chat.AttachmentDownloader;
import dev.cria.chat.BoundedRead;
import dev.cria.chat.Platform;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Downloads Slack files from their {@code url_private} with the bot token (the app needs the {@code
 * files:read} scope). The token goes only to Slack's hosts (or the host of {@code SLACK_API_URL});
 * Slack answers a request it does not accept with a redirect to its sign-in page, which is told as
 * a missing scope.
 */
@Singleton
@Requires(property = "cria.slack.bot-token")
public class SlackFileDownloader implements AttachmentDownloader {

  private static final int MAX_REDIRECTS = 3;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String botToken;
  private final String apiHost;

  public SlackFileDownloader(SlackSettings settings) {
    this.botToken = settings.botToken();
    this.apiHost = URI.create(settings.apiUrl()).getHost();
  }

  @Override
  public Platform platform() {
    return Platform.SLACK;
  }

  @Override
  public byte[] download(Attachment attachment, long maxBytes) {
    URI uri = toUri(attachment.source());
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpResponse<InputStream> response = get(uri);
      int status = response.statusCode();
      if (status / 100 == 3) {
        close(response);
        String location = response.headers().firstValue("location").orElse("");
        if (location.isEmpty() || signIn(location)) {
          throw notAllowed();
        }
        uri = uri.resolve(location);
        continue;
      }
      if (status == 401 || status == 403) {
        close(response);
        throw notAllowed();
      }
      if (status == 404) {
        close(response);
        throw new DownloadFailed("Slack no longer has the file");
      }
      if (status != 200) {
        close(response);
        throw new DownloadFailed("Slack answered HTTP " + status);
      }
      String type = response.headers().firstValue("content-type").orElse("");
      if (type.toLowerCase(Locale.ROOT).startsWith("text/html")
          && !attachment.mimeType().startsWith("text/html")) {
        close(response);
        throw notAllowed();
      }
      return BoundedRead.of(response.body(), maxBytes);
    }
    throw new DownloadFailed("Slack redirected too often");
  }

  private URI toUri(String source) {
    URI uri;
    try {
      uri = URI.create(source);
    } catch (IllegalArgumentException e) {
      throw new DownloadFailed("the file's address is not a URL");
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    boolean slack = host.equals("slack.com") || host.endsWith(".slack.com");
    if (!(slack || host.equals(apiHost)) || uri.getScheme() == null) {
      // The bot token goes to Slack only.
      throw new DownloadFailed("the file is not on Slack");
    }
    return uri;
  }

  private HttpResponse<InputStream> get(URI uri) {
    toUri(uri.toString());
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + botToken)
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new DownloadFailed("Slack could not be reached");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DownloadFailed("the download was interrupted");
    }
  }

  private static boolean signIn(String location) {
    String lower = location.toLowerCase(Locale.ROOT);
    return lower.contains("redir=") || lower.contains("signin") || lower.contains("login");
  }

  private static DownloadFailed notAllowed() {
    return new DownloadFailed(
        "Slack did not let me download it (the app needs the files:read scope)");
  }

  private static void close(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      // Nothing more to read from it anyway.
    }
  }
}
