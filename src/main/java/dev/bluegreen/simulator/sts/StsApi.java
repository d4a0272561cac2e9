package dev.bluegreen.simulator.sts;

import dev.bluegreen.json.Json;
import dev.bluegreen.simulator.core.Account;
import dev.bluegreen.simulator.core.ApiError;
import dev.bluegreen.simulator.wire.QueryRequest;
import dev.bluegreen.simulator.wire.QueryResponse;
import dev.bluegreen.simulator.wire.Xml;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** STS's AssumeRoleWithWebIdentity and GetCallerIdentity over the Query protocol. */
public final class StsApi {
  static final String XMLNS = "https://sts.amazonaws.com/doc/2011-06-15/";

  private final Sts sts;
  private final Account account;

  public StsApi(Sts sts, Account account) {
    this.sts = sts;
    this.account = account;
  }

  public static boolean handles(QueryRequest req) {
    return "2011-06-15".equals(req.get("Version"))
        || "AssumeRoleWithWebIdentity".equals(req.action())
        || "GetCallerIdentity".equals(req.action());
  }

  public QueryResponse handle(QueryRequest req, String requestId, String accessKeyId) {
    try {
      String action = req.action();
      Xml result = new Xml();
      switch (action == null ? "" : action) {
        case "AssumeRoleWithWebIdentity" -> assume(req, result);
        case "GetCallerIdentity" ->
            result
                .text(
                    "Arn",
                    "arn:aws:sts::"
                        + account.accountId()
                        + ":assumed-role/simulated/"
                        + (accessKeyId == null ? "anonymous" : accessKeyId))
                .text("UserId", "AROASIMULATED:" + accessKeyId)
                .text("Account", account.accountId());
        default ->
            throw new ApiError(
                400,
                "InvalidAction",
                "Could not find operation " + action + " for version 2011-06-15");
      }
      return QueryResponse.ok(action, XMLNS, result, requestId);
    } catch (ApiError e) {
      return QueryResponse.error(e, XMLNS, requestId);
    }
  }

  private void assume(QueryRequest req, Xml x) {
    String roleArn = req.required("RoleArn");
    String session = req.required("RoleSessionName");
    String token = req.required("WebIdentityToken");
    Integer seconds = req.integer("DurationSeconds");
    if (seconds != null && (seconds < 900 || seconds > 43200)) {
      throw ApiError.validation(
          "1 validation error detected: Value '"
              + seconds
              + "' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200");
    }
    String[] parts = token.split("\\.", -1);
    Map<String, Object> claims;
    try {
      claims =
          Json.parseObject(
              new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new ApiError(
          400,
          "InvalidIdentityToken",
          "The ID Token provided is not a valid JWT. (You may see this error "
              + "if you sent an Access Token)");
    }
    Object aud = claims.get("aud");
    if (!"sts.amazonaws.com".equals(aud)) {
      throw new ApiError(400, "InvalidIdentityToken", "Incorrect token audience");
    }
    Sts.Session issued = sts.issue(Duration.ofSeconds(seconds == null ? 3600 : seconds));
    String accessKeyId = issued.accessKeyId();
    String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
    x.open("Credentials")
        .text("AccessKeyId", accessKeyId)
        .text("SecretAccessKey", "simulated-secret-" + accessKeyId)
        .text("SessionToken", "simulated-session-token-" + accessKeyId)
        .text("Expiration", issued.expiration())
        .close("Credentials")
        .text("SubjectFromWebIdentityToken", String.valueOf(claims.getOrDefault("sub", "")))
        .open("AssumedRoleUser")
        .text(
            "Arn",
            "arn:aws:sts::" + account.accountId() + ":assumed-role/" + roleName + "/" + session)
        .text("AssumedRoleId", "AROASIMULATED:" + session)
        .close("AssumedRoleUser")
        .text("Provider", String.valueOf(claims.getOrDefault("iss", "")))
        .text("Audience", aud);
  }
}
