package dev.bluegreen.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The little JSON this product reads and writes (simulator behaviour files, seed files, the OIDC
 * token response, the {@code steps} output) as plain Java values, over jackson-core's streaming
 * API: objects are {@code LinkedHashMap}, arrays {@code List}, numbers {@code Long} or {@code
 * Double}.
 */
public final class Json {

  private static final JsonFactory FACTORY = new JsonFactory();

  // Jackson names the source inside nested locations, e.g. "(start marker at [Source: REDACTED
  // (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])": noise to a
  // reader who knows which document it is.
  private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;\\]]*; ");

  private Json() {}

  /**
   * Parses a document that must be one JSON object; anything else is an IllegalArgumentException
   * saying where.
   */
  public static Map<String, Object> parseObject(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new IllegalArgumentException("invalid JSON: the document is empty");
      }
      if (first != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("expected a JSON object");
      }
      Map<String, Object> object = object(p);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException(
            "invalid JSON" + at(p.currentTokenLocation()) + ": unexpected text after the value");
      }
      return object;
    } catch (JsonProcessingException e) {
      String message = SOURCE.matcher(e.getOriginalMessage()).replaceAll("[");
      throw new IllegalArgumentException("invalid JSON" + at(e.getLocation()) + ": " + message, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compact JSON for a value made of maps, iterables, strings, numbers, booleans and nulls. */
  public static String write(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(value, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static Object value(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case START_OBJECT -> object(p);
      case START_ARRAY -> array(p);
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getLongValue();
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      case VALUE_NULL -> null;
      default -> throw new IllegalStateException("unexpected token " + p.currentToken());
    };
  }

  private static Map<String, Object> object(JsonParser p) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    for (String key; (key = p.nextFieldName()) != null; ) {
      p.nextToken();
      map.put(key, value(p));
    }
    return map;
  }

  private static List<Object> array(JsonParser p) throws IOException {
    List<Object> list = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      list.add(value(p));
    }
    return list;
  }

  private static void write(Object value, JsonGenerator g) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Double d) {
      g.writeNumber(d);
    } else if (value instanceof Long || value instanceof Integer) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(e.getValue(), g);
      }
      g.writeEndObject();
    } else if (value instanceof Iterable<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        write(item, g);
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }
  }

  // A limit exceeded (StreamConstraintsException, e.g. nesting too deep) comes without a location.
  private static String at(JsonLocation where) {
    if (where == null || where.getLineNr() < 1) {
      return "";
    }
    return " at line " + where.getLineNr() + ", column " + where.getColumnNr();
  }
}
