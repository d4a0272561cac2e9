package dev.bluegreen.simulator.wire;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A minimal XML writer for the services' responses. */
public final class Xml {
  private final StringBuilder out = new StringBuilder();

  public Xml open(String name) {
    out.append('<').append(name).append('>');
    return this;
  }

  public Xml open(String name, String xmlns) {
    out.append('<').append(name).append(" xmlns=\"").append(xmlns).append("\">");
    return this;
  }

  public Xml out(Xml inner) {
    out.append(inner.out);
    return this;
  }

  public Xml close(String name) {
    out.append("</").append(name).append('>');
    return this;
  }

  public Xml empty(String name) {
    out.append('<').append(name).append("/>");
    return this;
  }

  /**
   * An element with text; omitted entirely when the value is null, as the service omits absent
   * members.
   */
  public Xml text(String name, Object value) {
    if (value == null) {
      return this;
    }
    String s = value instanceof Instant i ? timestamp(i) : value.toString();
    out.append('<')
        .append(name)
        .append('>')
        .append(escape(s))
        .append("</")
        .append(name)
        .append('>');
    return this;
  }

  private static String timestamp(Instant instant) {
    return instant
        .truncatedTo(ChronoUnit.MILLIS)
        .toString()
        .replaceFirst("(\\d\\d:\\d\\d:\\d\\d)Z$", "$1.000Z");
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
