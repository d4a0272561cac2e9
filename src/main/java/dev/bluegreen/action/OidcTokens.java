package dev.bluegreen.action;

import dev.bluegreen.http.ProxySettings;
import dev.bluegreen.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Fetches the job's OIDC token from GitHub, as the toolkit's getIDToken does: GET the request URL
 * (which already has a query string) plus {@code &audience=}, with the request token as bearer; the
 * answer is {@code {"value": "<JWT>"}}.
 */
public final class OidcTokens {

  public static final String AWS_AUDIENCE = "sts.amazonaws.com";
  private static final int ATTEMPTS = 3;

  private final String requestUrl;
  private final String requestToken;

  public OidcTokens(String requestUrl, String requestToken) {
    this.requestUrl = requestUrl;
    this.requestToken = requestToken;
  }

  public String requestToken() {
    return requestToken;
  }

  /**
   * A new token for the audience; retried a few times, as GitHub's token service has bad moments.
   */
  public String fetch(String audience, Optional<ProxySettings> proxy) {
    String url =
        requestUrl
            + (requestUrl.contains("?") ? "&" : "?")
            + "audience="
            + URLEncoder.encode(audience, StandardCharsets.UTF_8);
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return once(URI.create(url), proxy);
      } catch (IOException | RuntimeException e) {
        last =
            new IllegalStateException(
                "could not get the OIDC token from GitHub (attempt "
                    + attempt
                    + "): "
                    + e.getMessage(),
                e);
      }
    }
    throw last;
  }

  private String once(URI uri, Optional<ProxySettings> proxy) throws IOException {
    Optional<URI> via = proxy.flatMap(p -> p.proxyFor(uri));
    HttpURLConnection c =
        (HttpURLConnection)
            (via.isPresent()
                ? uri.toURL()
                    .openConnection(
                        new Proxy(
                            Proxy.Type.HTTP,
                            new InetSocketAddress(via.get().getHost(), via.get().getPort())))
                : uri.toURL().openConnection(Proxy.NO_PROXY));
    c.setConnectTimeout(10_000);
    c.setReadTimeout(20_000);
    c.setRequestProperty("Authorization", "Bearer " + requestToken);
    c.setRequestProperty("Accept", "application/json; api-version=2.0");
    int status = c.getResponseCode();
    if (status != 200) {
      throw new IOException("HTTP " + status + " from the token service");
    }
    try (InputStream in = c.getInputStream()) {
      Map<String, Object> body =
          Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      Object value = body.get("value");
      if (!(value instanceof String s) || s.isEmpty()) {
        throw new IOException("the token service answered without a token");
      }
      return s;
    }
  }
}
