package dev.bluegreen.scenarios;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * GitHub's OIDC token service as a docker action sees it: GET ACTIONS_ID_TOKEN_REQUEST_URL + {@code
 * &audience=...} with {@code Authorization: Bearer <request token>}, answering {@code {"value":
 * "<JWT>"}}. Every token is new, so tests can see each exchange.
 */
final class FakeTokenService implements AutoCloseable {
  static final String REQUEST_TOKEN = "ghs_requesttoken_0123456789abcdef";

  private final HttpServer server;
  private final List<String> audiences = new ArrayList<>();
  private final List<String> issued = new ArrayList<>();

  FakeTokenService() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext(
        "/token",
        ex -> {
          try (ex) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String query = ex.getRequestURI().getQuery();
            if (!("Bearer " + REQUEST_TOKEN).equals(auth)) {
              ex.sendResponseHeaders(401, -1);
              return;
            }
            String audience = query.replaceFirst(".*audience=([^&]*).*", "$1");
            String jwt;
            synchronized (this) {
              audiences.add(java.net.URLDecoder.decode(audience, StandardCharsets.UTF_8));
              jwt = jwt(audiences.get(audiences.size() - 1), issued.size() + 1);
              issued.add(jwt);
            }
            byte[] body =
                ("{\"count\":1,\"value\":\"" + jwt + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
              out.write(body);
            }
          }
        });
    server.start();
  }

  String requestUrl() {
    return "http://localhost:" + server.getAddress().getPort() + "/token?api-version=2.0";
  }

  synchronized List<String> audiences() {
    return List.copyOf(audiences);
  }

  synchronized List<String> issued() {
    return List.copyOf(issued);
  }

  private static String jwt(String audience, int n) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header =
        b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload =
        b64.encodeToString(
            ("{\"iss\":\"https://token.actions.githubusercontent.com\",\"aud\":\""
                    + audience
                    + "\",\"sub\":\"repo:octo/shop:ref:refs/heads/main\",\"jti\":\"token-"
                    + n
                    + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".c2lnbmF0dXJlLW9mLXRva2VuLQ" + n;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
