import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container's HEALTHCHECK: exits 0 when {@code GET http://127.0.0.1:$PORT/health} answers 200
 * (Micronaut answers 503 when a health indicator is DOWN), 1 otherwise. The JRE image has no curl;
 * this class is compiled in the build stage and run with a tiny heap.
 */
public final class HealthCheck {

  private HealthCheck() {}

  public static void main(String[] args) {
    String port = System.getenv().getOrDefault("PORT", "8080");
    String path = args.length > 0 ? args[0] : "/health";
    URI uri = URI.create("http://127.0.0.1:" + port + path);
    try {
      HttpClient client =
          HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(4)).build();
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200) {
        System.err.println(uri + " answered " + status);
      }
      System.exit(status == 200 ? 0 : 1);
    } catch (Exception e) {
      System.err.println(uri + " unreachable: " + e);
      System.exit(1);
    }
  }
}
