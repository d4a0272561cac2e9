package dev.bluegreen.simulator.s3;

import dev.bluegreen.simulator.core.ApiError;
import dev.bluegreen.simulator.wire.Xml;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The S3 subset Elastic Beanstalk deployments need, path-style and virtual-host style: buckets,
 * single and multipart PutObject, HeadObject, GetObject. PutObject bodies may arrive {@code
 * aws-chunked} with a trailing checksum, which is how SDK 2.30+ sends them by default; they are
 * decoded and the checksum verified as S3 does.
 */
public final class S3Api {

  private static final Pattern VIRTUAL_HOST =
      Pattern.compile(
          "^(.+?)\\.(localhost|s3\\.amazonaws\\.com|s3[.-][a-z0-9-]+\\.amazonaws\\.com)$");
  private static final Pattern PART = Pattern.compile("<PartNumber>(\\d+)</PartNumber>");
  private static final String XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";

  private final S3 s3;

  public S3Api(S3 s3) {
    this.s3 = s3;
  }

  /** A parsed S3 request. */
  @SuppressWarnings("ArrayRecordComponent") // a carrier of one request; never compared
  public record Request(
      String method,
      String host,
      String path,
      String query,
      Map<String, String> headers,
      byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** An S3 answer. {@code operation} names what was done, for the call log. */
  public record Response(
      int status, Map<String, String> headers, Body body, String operation, String errorCode) {
    public Response(
        int status, Map<String, String> headers, byte[] body, String operation, String errorCode) {
      this(status, headers, Body.of(Content.of(body)), operation, errorCode);
    }
  }

  /**
   * A response body: bytes, or a range of a stored object, written out without being held in
   * memory.
   */
  public record Body(Content content, long first, long length) {
    static Body of(Content content) {
      return new Body(content, 0, content.size());
    }

    public void writeTo(OutputStream out) throws IOException {
      content.writeTo(out, first, length);
    }
  }

  /** Whether a host names a bucket virtual-host style. */
  public static boolean isVirtualHost(String host) {
    return VIRTUAL_HOST.matcher(stripPort(host)).matches();
  }

  public Response handle(Request req, String requestId) {
    return handle(req, requestId, operation -> null);
  }

  /**
   * Answers the request, or with the error {@code faults} gives its operation, if any (after the
   * request was read whole, as a server error after receiving a part).
   */
  public Response handle(Request req, String requestId, Function<String, ApiError> faults) {
    String host = stripPort(req.host() == null ? "" : req.host());
    String bucket;
    String key;
    Matcher vh = VIRTUAL_HOST.matcher(host);
    String path = URLDecoder.decode(req.path().replace("+", "%2B"), StandardCharsets.UTF_8);
    if (vh.matches()) {
      bucket = vh.group(1);
      key = path.startsWith("/") ? path.substring(1) : path;
    } else {
      String p = path.startsWith("/") ? path.substring(1) : path;
      int slash = p.indexOf('/');
      bucket = slash < 0 ? p : p.substring(0, slash);
      key = slash < 0 ? "" : p.substring(slash + 1);
    }
    Map<String, String> query = query(req.query());
    String operation = operation(req.method(), key, query);
    try {
      ApiError fault = faults.apply(operation);
      if (fault != null) {
        throw fault;
      }
      return switch (operation) {
        case "CreateBucket" -> {
          if (!s3.createBucket(bucket) && !"us-east-1".equals(s3.region())) {
            throw new ApiError(
                409,
                "BucketAlreadyOwnedByYou",
                "Your previous request to create the named bucket succeeded and you already own it.");
          }
          yield ok(operation, Map.of("Location", "/" + bucket), new byte[0], requestId);
        }
        case "HeadBucket" -> {
          if (!s3.bucketExists(bucket)) {
            throw new ApiError(404, "NoSuchBucket", "The specified bucket does not exist");
          }
          yield ok(operation, Map.of("x-amz-bucket-region", s3.region()), new byte[0], requestId);
        }
        case "PutObject" -> putObject(req, bucket, key, requestId);
        case "HeadObject", "GetObject" -> {
          S3Object o = s3.object(bucket, key).orElseThrow(() -> noSuchKey());
          Map<String, String> headers = objectHeaders(o);
          if (operation.equals("HeadObject")) {
            yield ok(operation, headers, new byte[0], requestId);
          }
          long[] range = range(req.header("range"), o.size());
          headers.put("x-amz-request-id", requestId);
          if (range == null) {
            yield new Response(200, headers, Body.of(o.content()), operation, null);
          }
          // A ranged GET, as the AWS CLI and the transfer managers download large objects in parts.
          headers.put("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + o.size());
          yield new Response(
              206,
              headers,
              new Body(o.content(), range[0], range[1] - range[0] + 1),
              operation,
              null);
        }
        case "CreateMultipartUpload" -> {
          String id =
              s3.createMultipartUpload(bucket, key, req.header("content-type"), userMetadata(req));
          byte[] body =
              xml(
                  new Xml()
                      .open("InitiateMultipartUploadResult", XMLNS)
                      .text("Bucket", bucket)
                      .text("Key", key)
                      .text("UploadId", id)
                      .close("InitiateMultipartUploadResult"));
          yield ok(operation, Map.of("Content-Type", "application/xml"), body, requestId);
        }
        case "UploadPart" -> {
          byte[] data = S3Payload.of(req);
          String etag =
              s3.uploadPart(query.get("uploadId"), Integer.parseInt(query.get("partNumber")), data);
          Map<String, String> headers = new LinkedHashMap<>();
          headers.put("ETag", etag);
          checksumHeader(req).ifPresent(h -> headers.put(h, req.header(h)));
          yield ok(operation, headers, new byte[0], requestId);
        }
        case "CompleteMultipartUpload" -> {
          List<Integer> parts = new ArrayList<>();
          Matcher m = PART.matcher(new String(req.body(), StandardCharsets.UTF_8));
          while (m.find()) {
            parts.add(Integer.parseInt(m.group(1)));
          }
          S3Object o = s3.completeMultipartUpload(query.get("uploadId"), parts);
          byte[] body =
              xml(
                  new Xml()
                      .open("CompleteMultipartUploadResult", XMLNS)
                      .text("Location", "/" + bucket + "/" + key)
                      .text("Bucket", bucket)
                      .text("Key", key)
                      .text("ETag", o.etag())
                      .close("CompleteMultipartUploadResult"));
          yield ok(operation, Map.of("Content-Type", "application/xml"), body, requestId);
        }
        case "AbortMultipartUpload" -> {
          s3.abortMultipartUpload(query.get("uploadId"));
          yield new Response(
              204, Map.of("x-amz-request-id", requestId), new byte[0], operation, null);
        }
        default ->
            throw new ApiError(
                501,
                "NotImplemented",
                "A header you provided implies functionality that is not implemented");
      };
    } catch (ApiError e) {
      byte[] body =
          "HEAD".equals(req.method())
              ? new byte[0]
              : xml(
                  new Xml()
                      .open("Error")
                      .text("Code", e.code())
                      .text("Message", e.getMessage())
                      .text("BucketName", bucket.isEmpty() ? null : bucket)
                      .text("RequestId", requestId)
                      .close("Error"));
      return new Response(
          e.status(),
          Map.of("Content-Type", "application/xml", "x-amz-request-id", requestId),
          body,
          operation,
          e.code());
    }
  }

  private static String operation(String method, String key, Map<String, String> query) {
    boolean object = !key.isEmpty();
    return switch (method) {
      case "PUT" ->
          !object ? "CreateBucket" : query.containsKey("partNumber") ? "UploadPart" : "PutObject";
      case "HEAD" -> object ? "HeadObject" : "HeadBucket";
      case "GET" -> object ? "GetObject" : "ListObjects";
      case "POST" ->
          query.containsKey("uploads")
              ? "CreateMultipartUpload"
              : query.containsKey("uploadId") ? "CompleteMultipartUpload" : "PostObject";
      case "DELETE" -> query.containsKey("uploadId") ? "AbortMultipartUpload" : "DeleteObject";
      default -> "Unknown";
    };
  }

  private Response putObject(Request req, String bucket, String key, String requestId) {
    byte[] data = S3Payload.of(req);
    String contentMd5 = req.header("content-md5");
    if (contentMd5 != null
        && !contentMd5.equals(Base64.getEncoder().encodeToString(Digests.md5(data)))) {
      throw new ApiError(
          400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
    }
    S3Object object =
        s3.putObject(bucket, key, data, req.header("content-type"), userMetadata(req));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("ETag", object.etag());
    checksumHeader(req).ifPresent(h -> headers.put(h, req.header(h)));
    return ok("PutObject", headers, new byte[0], requestId);
  }

  private static java.util.Optional<String> checksumHeader(Request req) {
    String trailer = req.header("x-amz-trailer");
    if (trailer != null) {
      return java.util.Optional.empty();
    }
    return req.headers().keySet().stream()
        .filter(h -> h.startsWith("x-amz-checksum-") && !h.equals("x-amz-checksum-type"))
        .findFirst();
  }

  /**
   * The first and last byte of a {@code Range: bytes=first-last}, {@code bytes=first-} or {@code
   * bytes=-suffixLength} header; null when there is none or S3 would ignore it (malformed, several
   * ranges). A range starting beyond the object is an error, as in S3.
   */
  static long[] range(String header, long length) {
    Matcher m =
        header == null ? null : Pattern.compile("^\\s*bytes=(\\d*)-(\\d*)\\s*$").matcher(header);
    if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return null;
    }
    long first;
    long last;
    if (m.group(1).isEmpty()) {
      long suffix = Long.parseLong(m.group(2));
      first = Math.max(0, length - suffix);
      last = length - 1;
    } else {
      first = Long.parseLong(m.group(1));
      last = m.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(m.group(2)), length - 1);
      if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
        return null;
      }
    }
    if (first >= length || last < first) {
      throw new ApiError(416, "InvalidRange", "The requested range is not satisfiable");
    }
    return new long[] {first, last};
  }

  private static Map<String, String> userMetadata(Request req) {
    Map<String, String> meta = new LinkedHashMap<>();
    req.headers()
        .forEach(
            (k, v) -> {
              if (k.startsWith("x-amz-meta-")) {
                meta.put(k.substring("x-amz-meta-".length()), v);
              }
            });
    return meta;
  }

  private static Map<String, String> objectHeaders(S3Object o) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("ETag", o.etag());
    headers.put(
        "Last-Modified",
        DateTimeFormatter.RFC_1123_DATE_TIME.format(o.lastModified().atOffset(ZoneOffset.UTC)));
    headers.put("Content-Type", o.contentType() == null ? "binary/octet-stream" : o.contentType());
    headers.put("x-amz-object-length", Long.toString(o.size()));
    o.metadata().forEach((k, v) -> headers.put("x-amz-meta-" + k, v));
    return headers;
  }

  private static ApiError noSuchKey() {
    return new ApiError(404, "NoSuchKey", "The specified key does not exist.");
  }

  private static Response ok(
      String operation, Map<String, String> headers, byte[] body, String requestId) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put("x-amz-request-id", requestId);
    return new Response(200, h, body, operation, null);
  }

  private static byte[] xml(Xml x) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + x).getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, String> query(String query) {
    Map<String, String> out = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  public static String stripPort(String host) {
    int colon = host.lastIndexOf(':');
    return colon > 0 && host.indexOf(']') < colon ? host.substring(0, colon) : host;
  }
}
