package dev.bluegreen.simulator.wire;

import dev.bluegreen.simulator.core.ApiError;

/**
 * A Query-protocol answer (Elastic Beanstalk, STS): the XML body and its HTTP status; {@code
 * errorCode} is null on success.
 */
public record QueryResponse(int status, String body, String errorCode) {

  /**
   * {@code <ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…}, the result first
   * because the Java SDK takes the response's first child as the result; without a result element
   * when {@code result} is null.
   */
  public static QueryResponse ok(String action, String xmlns, Xml result, String requestId) {
    Xml xml = new Xml().open(action + "Response", xmlns);
    if (result != null) {
      xml.open(action + "Result");
      xml.out(result);
      xml.close(action + "Result");
    }
    xml.open("ResponseMetadata")
        .text("RequestId", requestId)
        .close("ResponseMetadata")
        .close(action + "Response");
    return new QueryResponse(200, xml.toString(), null);
  }

  public static QueryResponse error(ApiError e, String xmlns, String requestId) {
    String body =
        new Xml()
            .open("ErrorResponse", xmlns)
            .open("Error")
            .text("Type", e.type())
            .text("Code", e.code())
            .text("Message", e.getMessage())
            .close("Error")
            .text("RequestId", requestId)
            .close("ErrorResponse")
            .toString();
    return new QueryResponse(e.status(), body, e.code());
  }
}
