import com.sun.net.httpserver.HttpServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Helpers for .ci/native, run with the JDK's source launcher ({@code java .ci/NativeTestServers.java ...}), loopback only,
 * each stopping by itself after {@code LIFETIME_MS}:
 * <ul>
 *   <li>{@code tls KEYSTORE PASSWORD PORT TARGET_PORT}: TLS on 127.0.0.1:PORT in front of the plain-HTTP simulator on
 *       TARGET_PORT, so that the native binary's HTTPS stack (JSSE, trust store, SigV4 over TLS) is exercised;</li>
 *   <li>{@code oidc PORT TOKEN}: GitHub's OIDC token service as the toolkit sees it: any GET answers
 *       {@code {"value":"TOKEN"}} when it carries a bearer token.</li>
 * </ul>
 * Prints {@code listening PORT} once ready.
 */
public final class NativeTestServers {
  private static final long LIFETIME_MS = 300_000;

  public static void main(String[] args) throws Exception {
    Thread stopper = new Thread(() -> {
      try {
        Thread.sleep(LIFETIME_MS);
      } catch (InterruptedException e) {
        return;
      }
      System.exit(0);
    });
    stopper.setDaemon(true);
    stopper.start();
    switch (args[0]) {
      case "tls" -> tls(args[1], args[2].toCharArray(), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
      case "oidc" -> oidc(Integer.parseInt(args[1]), args[2]);
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  private static void tls(String keystore, char[] password, int port, int target) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(keystore)) {
      ks.load(in, password);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, password);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    try (ServerSocket server = ctx.getServerSocketFactory().createServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      System.out.println("listening " + server.getLocalPort());
      System.out.flush();
      while (true) {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        pipe(client, upstream);
        pipe(upstream, client);
      }
    }
  }

  /** Copies one direction; when either side ends, both sockets close. */
  private static void pipe(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      try {
        from.getInputStream().transferTo(to.getOutputStream());
      } catch (IOException e) {
        // the other direction or the peer closed
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    });
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing
    }
  }

  private static void oidc(int port, String token) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    server.createContext("/", ex -> {
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      boolean ok = auth != null && auth.startsWith("Bearer ") && ex.getRequestURI().getRawQuery() != null
          && ex.getRequestURI().getRawQuery().contains("audience=sts.amazonaws.com");
      byte[] body = (ok ? "{\"value\":\"" + token + "\"}" : "{\"message\":\"unauthorized\"}").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(ok ? 200 : 401, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    System.out.println("listening " + server.getAddress().getPort());
    System.out.flush();
  }
}
