package dev.bluegreen.simulator;

import static dev.bluegreen.simulator.SimHarness.assertError;
import static dev.bluegreen.simulator.SimHarness.ebError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import software.amazon.awssdk.services.elasticbeanstalk.model.ElasticBeanstalkException;
import software.amazon.awssdk.services.elasticbeanstalk.model.InsufficientPrivilegesException;

/**
 * The error envelope as the SDK and a plain HTTP client see it: unknown operations, modelled and
 * unmodelled errors, request ids.
 */
class EbWireErrorsIT {

  static final String NS = "http://elasticbeanstalk.amazonaws.com/docs/2010-12-01/";

  SimHarness h;

  @BeforeEach
  void start() throws Exception {
    h = SimHarness.start();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private static String child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getLocalName().equals(name)) {
        return e.getTextContent();
      }
    }
    return null;
  }

  private static Element childElement(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getLocalName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  @Test
  void unknownOperationAnswersAnErrorResponse() throws Exception {
    SimHarness.RawReply r = h.rawPost("Action=Nope&Version=2010-12-01");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).isEqualTo("text/xml");
    Document doc = r.xml();
    Element root = doc.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("ErrorResponse");
    assertThat(root.getNamespaceURI()).isEqualTo(NS);
    Element error = childElement(root, "Error");
    assertThat(error).isNotNull();
    assertThat(child(error, "Type")).isEqualTo("Sender");
    assertThat(child(error, "Code")).isEqualTo("InvalidAction");
    assertThat(child(error, "Message"))
        .isEqualTo("Could not find operation Nope for version 2010-12-01");
    assertThat(child(root, "RequestId")).matches("[0-9a-f-]{36}");
    assertThat(h.sim.calls().all())
        .last()
        .satisfies(
            c -> {
              assertThat(c.operation()).isEqualTo("Nope");
              assertThat(c.outcome()).isEqualTo("InvalidAction");
              assertThat(c.status()).isEqualTo(400);
            });
  }

  @Test
  void missingActionIsAnError() throws Exception {
    SimHarness.RawReply r = h.rawPost("Version=2010-12-01&ApplicationName=x");
    assertThat(r.status()).isEqualTo(400);
    assertThat(child(childElement(r.xml().getDocumentElement(), "Error"), "Code"))
        .isEqualTo("MissingAction");
  }

  @Test
  void successEnvelopePutsTheResultFirst() throws Exception {
    SimHarness.RawReply r = h.rawPost("Action=CreateStorageLocation&Version=2010-12-01");
    assertThat(r.status()).isEqualTo(200);
    Element root = r.xml().getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("CreateStorageLocationResponse");
    assertThat(root.getNamespaceURI()).isEqualTo(NS);
    List<String> children = new java.util.ArrayList<>();
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        children.add(e.getLocalName());
      }
    }
    assertThat(children).containsExactly("CreateStorageLocationResult", "ResponseMetadata");
    assertThat(child(childElement(root, "CreateStorageLocationResult"), "S3Bucket"))
        .isEqualTo("elasticbeanstalk-us-east-1-123456789012");
  }

  @Test
  void getQueryStringIsAcceptedToo() throws Exception {
    java.net.http.HttpResponse<String> r =
        java.net.http.HttpClient.newBuilder()
            .proxy(java.net.http.HttpClient.Builder.NO_PROXY)
            .build()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            h.sim.endpoint() + "/?Action=DescribeApplications&Version=2010-12-01"))
                    .GET()
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .startsWith("<DescribeApplicationsResponse")
        .contains("<Applications></Applications>");
  }

  @Test
  void unmodelledErrorIsTheServiceBaseException() {
    h.eb.createApplication(r -> r.applicationName("shop"));
    ElasticBeanstalkException e =
        ebError(() -> h.eb.createApplication(r -> r.applicationName("shop")));
    assertThat(e.getClass()).isEqualTo(ElasticBeanstalkException.class);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.requestId()).matches("[0-9a-f-]{36}");
    assertThat(e.isThrottlingException()).isFalse();
    assertThat(e.awsErrorDetails().serviceName()).isEqualTo("ElasticBeanstalk");
  }

  @Test
  void insufficientPrivilegesIsModelledAnd403() {
    String message =
        "You do not have permission to perform the 's3:CreateBucket' action. Verify that your S3 policies "
            + "and your ACLs allow you to perform these actions.";
    h.sim
        .faults()
        .failOperation("CreateStorageLocation", 403, "InsufficientPrivilegesException", message, 1);
    ElasticBeanstalkException e = ebError(() -> h.eb.createStorageLocation(r -> {}));
    assertThat(e).isInstanceOf(InsufficientPrivilegesException.class);
    assertError(e, 403, "InsufficientPrivilegesException", message);
    // Only once.
    assertThat(h.eb.createStorageLocation(r -> {}).s3Bucket())
        .isEqualTo("elasticbeanstalk-us-east-1-123456789012");
  }

  @Test
  void failOperationAffectsOnlyTheNamedOperation() {
    h.sim.faults().failOperation("DescribeEnvironments", 400, "InvalidParameterValue", "boom", -1);
    assertThat(h.eb.describeApplications(r -> {}).applications()).isEmpty();
    for (int i = 0; i < 3; i++) {
      assertError(() -> h.eb.describeEnvironments(r -> {}), 400, "InvalidParameterValue", "boom");
    }
    h.sim.faults().clear();
    assertThat(h.eb.describeEnvironments(r -> {}).environments()).isEmpty();
  }
}
