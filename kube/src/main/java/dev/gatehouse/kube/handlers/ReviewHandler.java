package dev.gatehouse.kube.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.api.Json;
import dev.gatehouse.kube.codec.BodyDecoder;
import dev.gatehouse.kube.review.AccessReviews;
import dev.gatehouse.kube.review.SelfSubjectReviews;
import dev.gatehouse.kube.server.ResponseSink;
import java.util.Map;

/**
 * The create-only review APIs: nothing is stored, the answer is computed from the request and returned with
 * 201 Created, as kube-apiserver's review registries do.
 */
public final class ReviewHandler {
  private final Admission admission;
  private final AccessReviews accessReviews;
  private final Reviews others;

  public ReviewHandler(Admission admission, AccessReviews accessReviews, Reviews others) {
    this.admission = admission;
    this.accessReviews = accessReviews;
    this.others = others;
  }

  /** Reviews answered by stages wired in later: token reviews and rules reviews. */
  public interface Reviews {
    ObjectNode tokenReview(ResourceContext ctx, ObjectNode review);

    ObjectNode selfSubjectRulesReview(ResourceContext ctx, ObjectNode review);
  }

  public void serve(ResourceContext ctx, ResponseSink sink) {
    if (!ctx.info().verb().equals("create") || ctx.info().hasName()) {
      throw Errors.methodNotSupported(ctx.type().group(), ctx.type().plural(), ctx.info().verb());
    }
    ObjectNode review = BodyDecoder.decodeObject(ctx.request().contentType(), ctx.request().body(), ctx.targetKind());
    admission.checkTypeMeta(ctx, review);
    admission.validateFields(ctx, review, null, sink);
    ObjectNode answer = switch (ctx.type().plural()) {
      case "selfsubjectreviews" -> SelfSubjectReviews.review(ctx.user());
      case "selfsubjectaccessreviews" -> accessReviews.selfSubjectAccessReview(review, ctx.clusterName(), ctx.user());
      case "subjectaccessreviews" ->
          accessReviews.subjectAccessReview(review, ctx.clusterName(), "SubjectAccessReview", null);
      case "localsubjectaccessreviews" ->
          accessReviews.subjectAccessReview(review, ctx.clusterName(), "LocalSubjectAccessReview", ctx.namespace());
      case "tokenreviews" -> others.tokenReview(ctx, review);
      case "selfsubjectrulesreviews" -> others.selfSubjectRulesReview(ctx, review);
      default -> throw Errors.pathNotFound();
    };
    sink.send(201, "application/json", Json.bytes(answer), Map.of());
  }
}
