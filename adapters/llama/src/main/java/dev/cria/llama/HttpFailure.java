package dev.cria.llama;

import java.net.http.HttpHeaders;

/**
 * A response with an error status, its body already read. It stays inside this package: the body
 * may echo the request, so it is never attached as the cause of an exception that leaves it.
 */
final class HttpFailure extends Exception {

  private final int status;
  private final transient HttpHeaders headers;
  private final String body;

  HttpFailure(int status, HttpHeaders headers, String body) {
    super("HTTP " + status, null, false, false);
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  int status() {
    return status;
  }

  HttpHeaders headers() {
    return headers;
  }

  String body() {
    return body;
  }
}
