package dev.bluegreen.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bluegreen.simulator.apps.Apps;
import dev.bluegreen.simulator.beanstalk.EbApi;
import dev.bluegreen.simulator.core.Account;
import dev.bluegreen.simulator.core.ApiError;
import dev.bluegreen.simulator.core.Scheduler;
import dev.bluegreen.simulator.s3.S3Api;
import dev.bluegreen.simulator.sts.Sts;
import dev.bluegreen.simulator.sts.StsApi;
import dev.bluegreen.simulator.wire.QueryRequest;
import dev.bluegreen.simulator.wire.QueryResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One localhost port for everything a client needs, told apart by each request's shape: a
 * Query-protocol POST is Elastic Beanstalk or STS (by its Version), an absolute-form request is a
 * proxy request for an application's CNAME (or a virtual-host S3 bucket), anything else is S3.
 */
final class SimulatorServer implements AutoCloseable {

  private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");

  static {
    // The JDK server writes the response headers and the body separately; with Nagle's algorithm on
    // the accepted sockets the body waits for the client's delayed ACK, about 40 ms per call. The
    // server reads this property once, when the first HttpServer is created.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Scheduler scheduler;
  private final Account account;
  private final Sts sts;
  private final Apps apps;
  private final EbApi eb;
  private final StsApi stsApi;
  private final S3Api s3;
  private final Faults faults;
  private final CallLog calls;
  private final HttpServer server;
  private final ExecutorService executor;

  SimulatorServer(Backends backends, Faults faults, CallLog calls, InetAddress address, int port)
      throws IOException {
    this.scheduler = backends.scheduler();
    this.account = backends.account();
    this.sts = backends.sts();
    this.apps = backends.apps();
    this.eb = new EbApi(backends.beanstalk());
    this.stsApi = new StsApi(sts, account);
    this.s3 = new S3Api(backends.s3());
    this.faults = faults;
    this.calls = calls;
    this.server = HttpServer.create(new InetSocketAddress(address, port), 64);
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "simulator-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = body(ex);
      URI uri = ex.getRequestURI();
      String host =
          uri.getHost() != null
              ? uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
              : ex.getRequestHeaders().getFirst("Host");
      boolean toSelf = host == null || isSelf(host);
      if (!toSelf && !S3Api.isVirtualHost(host)) {
        serveApp(ex, S3Api.stripPort(host));
        return;
      }
      String contentType = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
      boolean query =
          "POST".equals(ex.getRequestMethod())
              && contentType.startsWith("application/x-www-form-urlencoded")
              && !S3Api.isVirtualHost(String.valueOf(host));
      if (query || (uri.getRawQuery() != null && uri.getRawQuery().contains("Action=") && toSelf)) {
        String form = query ? new String(body, StandardCharsets.UTF_8) : uri.getRawQuery();
        serveQuery(ex, QueryRequest.parse(form));
      } else {
        serveS3(ex, host, uri, body);
      }
    } catch (RuntimeException e) {
      byte[] msg = ("simulator error: " + e).getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(500, msg.length);
      ex.getResponseBody().write(msg);
    }
  }

  /**
   * The request body in one array of its declared length (readAllBytes would hold it twice: a
   * multipart upload's part is megabytes).
   */
  private static byte[] body(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      String declared = ex.getRequestHeaders().getFirst("Content-Length");
      long length = -1;
      try {
        length = declared == null ? -1 : Long.parseLong(declared.trim());
      } catch (NumberFormatException e) {
        // read to the end instead
      }
      if (length < 0 || length > Integer.MAX_VALUE - 8) {
        return in.readAllBytes();
      }
      byte[] body = new byte[(int) length];
      int n = in.readNBytes(body, 0, body.length);
      return n == body.length ? body : java.util.Arrays.copyOf(body, n);
    }
  }

  /**
   * A request for the simulator itself, not for an application: addressed to its port (by any name,
   * as a container reaches it by the host's address), or to localhost without a port.
   */
  private boolean isSelf(String host) {
    String h = S3Api.stripPort(host).toLowerCase(Locale.ROOT);
    int colon = host.lastIndexOf(':');
    String port = colon > 0 && host.indexOf(']') < colon ? host.substring(colon + 1) : null;
    if (port != null) {
      return port.equals(Integer.toString(port()));
    }
    return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1");
  }

  private void serveQuery(HttpExchange ex, QueryRequest req) throws IOException {
    delay();
    String requestId = nextRequestId();
    String accessKey = accessKey(ex.getRequestHeaders());
    boolean isSts = StsApi.handles(req);
    String service = isSts ? "sts" : "elasticbeanstalk";
    QueryResponse response;
    ApiError fault = isSts ? null : faults.errorFor(String.valueOf(req.action()));
    if (fault == null && accessKey != null && sts.expired(accessKey)) {
      // Query APIs answer an expired session with 403 Forbidden (S3 uses 400, see serveS3).
      fault =
          new ApiError(
              403, "ExpiredToken", "The security token included in the request is expired");
    }
    if (fault != null) {
      response = EbApi.error(fault, requestId);
    } else if (isSts) {
      response = stsApi.handle(req, requestId, accessKey);
    } else {
      response = eb.handle(req, requestId);
      ApiError lost =
          response.errorCode() == null
              ? faults.lostAnswerFor(String.valueOf(req.action()), namedEnvironments(req))
              : null;
      if (lost != null) {
        response = EbApi.error(lost, requestId);
      }
    }
    Map<String, String> params = new LinkedHashMap<>(req.all());
    params.remove("Action");
    params.remove("Version");
    if (params.containsKey("WebIdentityToken")) {
      params.put("WebIdentityToken", "***");
    }
    calls.add(
        new Call(
            scheduler.now(),
            service,
            String.valueOf(req.action()),
            params,
            response.status(),
            response.errorCode() == null ? "OK" : response.errorCode(),
            accessKey));
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/xml");
    ex.getResponseHeaders().set("x-amzn-RequestId", requestId);
    ex.sendResponseHeaders(response.status(), bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static List<String> namedEnvironments(QueryRequest req) {
    return Stream.of("EnvironmentName", "SourceEnvironmentName", "DestinationEnvironmentName")
        .map(req::get)
        .filter(Objects::nonNull)
        .toList();
  }

  private void serveS3(HttpExchange ex, String host, URI uri, byte[] body) throws IOException {
    delay();
    String requestId = nextRequestId().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
    Map<String, String> headers = new LinkedHashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
    String accessKey = accessKey(ex.getRequestHeaders());
    S3Api.Response response;
    if (accessKey != null && sts.expired(accessKey)) {
      response =
          new S3Api.Response(
              400,
              Map.of("Content-Type", "application/xml"),
              ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                      + "<Error><Code>ExpiredToken</Code><Message>The provided token has expired.</Message></Error>")
                  .getBytes(StandardCharsets.UTF_8),
              "S3",
              "ExpiredToken");
    } else {
      response =
          s3.handle(
              new S3Api.Request(
                  ex.getRequestMethod(), host, uri.getRawPath(), uri.getRawQuery(), headers, body),
              requestId,
              faults::s3ErrorFor);
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("host", String.valueOf(host));
    params.put("path", String.valueOf(uri.getPath()));
    params.put("bytes", Integer.toString(body.length));
    for (String h : new String[] {"content-encoding", "x-amz-trailer", "x-amz-content-sha256"}) {
      if (headers.containsKey(h)) {
        params.put(h, headers.get(h));
      }
    }
    calls.add(
        new Call(
            scheduler.now(),
            "s3",
            response.operation(),
            params,
            response.status(),
            response.errorCode() == null ? "OK" : response.errorCode(),
            accessKey));
    response.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    boolean head = "HEAD".equals(ex.getRequestMethod());
    if (head) {
      String length = response.headers().get("x-amz-object-length");
      if (length != null) {
        ex.getResponseHeaders().set("Content-Length", length);
      }
      ex.sendResponseHeaders(response.status(), -1);
      return;
    }
    long length = response.body().length();
    ex.sendResponseHeaders(response.status(), length == 0 ? -1 : length);
    if (length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        response.body().writeTo(out);
      }
    }
  }

  private void serveApp(HttpExchange ex, String host) throws IOException {
    calls.countAppRequest();
    Apps.AppResponse app = apps.serve(host);
    int status;
    String body;
    if (app == null) {
      status = 502;
      body = "simulator proxy: no environment answers for " + host + "\n";
    } else {
      status = app.status();
      body = app.body();
      ex.getResponseHeaders().set("X-Environment-Name", app.environmentName());
      if (app.version() != null) {
        ex.getResponseHeaders().set("X-Version-Label", headerValue(app.version()));
      }
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    if ("HEAD".equals(ex.getRequestMethod())) {
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private String nextRequestId() {
    synchronized (scheduler) {
      return account.newRequestId();
    }
  }

  private void delay() {
    long millis = faults.latency().toMillis();
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * A header value in printable ASCII: the JDK's HTTP server cannot send other characters and drops
   * the connection instead, so a version label such as {@code v-é} is sent as its UTF-8 bytes,
   * percent-encoded.
   */
  static String headerValue(String value) {
    StringBuilder s = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      if (b >= 0x20 && b < 0x7f && b != '%') {
        s.append((char) b);
      } else {
        s.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return s.toString();
  }

  private static String accessKey(Headers headers) {
    String auth = headers.getFirst("Authorization");
    if (auth == null) {
      return null;
    }
    Matcher m = CREDENTIAL.matcher(auth);
    return m.find() ? m.group(1) : null;
  }
}
