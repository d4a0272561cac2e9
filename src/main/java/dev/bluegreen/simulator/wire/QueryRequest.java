package dev.bluegreen.simulator.wire;

import dev.bluegreen.simulator.core.ApiError;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a Query-protocol request: form fields with {@code +} as space, lists as {@code
 * Name.member.N}, structures as {@code Parent.Child}.
 */
public final class QueryRequest {
  private final Map<String, String> params;

  private QueryRequest(Map<String, String> params) {
    this.params = params;
  }

  public static QueryRequest parse(String form) {
    Map<String, String> params = new LinkedHashMap<>();
    if (form != null && !form.isEmpty()) {
      for (String pair : form.split("&", -1)) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        params.put(key, value);
      }
    }
    return new QueryRequest(params);
  }

  public Map<String, String> all() {
    return params;
  }

  public String action() {
    return params.get("Action");
  }

  /** A scalar member; an empty value counts as absent. */
  public String get(String name) {
    String v = params.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  public String required(String name) {
    String v = get(name);
    if (v == null) {
      throw ApiError.missingParameter("The request must contain the parameter " + name + ".");
    }
    return v;
  }

  public Boolean bool(String name) {
    String v = get(name);
    return v == null ? null : Boolean.valueOf(v);
  }

  public Integer integer(String name) {
    String v = get(name);
    if (v == null) {
      return null;
    }
    try {
      return Integer.valueOf(v);
    } catch (NumberFormatException e) {
      throw ApiError.invalidParameter("Value " + v + " for parameter " + name + " is invalid.");
    }
  }

  public Instant time(String name) {
    String v = get(name);
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (RuntimeException e) {
      try {
        return Instant.parse(v);
      } catch (RuntimeException e2) {
        throw ApiError.invalidParameter("Value " + v + " for parameter " + name + " is invalid.");
      }
    }
  }

  /** {@code Name.member.1 .. N} */
  public List<String> list(String name) {
    List<String> out = new ArrayList<>();
    for (int i = 1; params.containsKey(name + ".member." + i); i++) {
      out.add(params.get(name + ".member." + i));
    }
    return out;
  }

  /** {@code Name.member.N.Field} as one map per member. */
  public List<Map<String, String>> structures(String name) {
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = 1; ; i++) {
      String prefix = name + ".member." + i + ".";
      Map<String, String> fields = new LinkedHashMap<>();
      params.forEach(
          (k, v) -> {
            if (k.startsWith(prefix)) {
              fields.put(k.substring(prefix.length()), v);
            }
          });
      if (fields.isEmpty()) {
        return out;
      }
      out.add(fields);
    }
  }

  public Map<String, String> tags(String name) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (Map<String, String> t : structures(name)) {
      String key = t.get("Key");
      if (key == null || key.isEmpty() || key.length() > 128) {
        throw ApiError.validation(
            "1 validation error detected: Value '"
                + key
                + "' at 'tags.member.key' failed to satisfy "
                + "constraint: Member must have length between 1 and 128");
      }
      String value = t.getOrDefault("Value", "");
      if (value.length() > 256) {
        throw ApiError.validation(
            "1 validation error detected: Value at 'tags.member.value' failed to satisfy constraint: "
                + "Member must have length less than or equal to 256");
      }
      tags.put(key, value);
    }
    return tags;
  }
}
