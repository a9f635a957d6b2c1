package dev.gatehouse.kube.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The errors of upstream's strategic merge (apimachinery pkg/util/mergepatch/errors.go and strategicpatch), with the
 * status the apiserver gives each: its sentinel format errors are 400, lists of lists 422, and every other error is a
 * plain Go error that surfaces as a 500 with an empty reason.
 */
final class SmpErrors {
  private SmpErrors() {}

  static PatchException badJsonDoc() {
    return PatchException.badRequest("invalid JSON document");
  }

  static PatchException badPrimitiveListFormat() {
    return PatchException.badRequest("invalid patch format of primitive list");
  }

  static PatchException badRetainKeysFormat() {
    return PatchException.badRequest("invalid patch format of retainKeys");
  }

  static PatchException badSetElementOrderFormat() {
    return PatchException.badRequest("invalid patch format of setElementOrder list");
  }

  static PatchException listOfLists() {
    return new PatchException(PatchException.Status.UNPROCESSABLE, "lists of lists are not supported");
  }

  static PatchException noMergeKey(JsonNode map, String mergeKey) {
    return PatchException.internal("map: " + GoJson.format(map) + " does not contain declared merge key: " + mergeKey);
  }

  /** mergepatch.ErrBadArgType: expected is a Go type name such as {@link GoJson#MAP_TYPE}. */
  static PatchException badArgType(String expected, JsonNode actual) {
    return PatchException.internal("expected a " + expected + ", but received a " + GoJson.typeName(actual));
  }

  static PatchException badPatchType(JsonNode directive, JsonNode map) {
    return PatchException.internal(
        "unknown patch type: " + GoJson.formatS(directive) + " in map: " + GoJson.format(map));
  }

  static PatchException notAMap(int index) {
    return PatchException.internal("value for key " + index + " is not a map");
  }

  static PatchException elementTypesDiffer(List<? extends JsonNode> slices) {
    return PatchException.internal("list element types are not identical: " + GoJson.formatAll(slices));
  }

  static PatchException noElements() {
    return PatchException.internal("no elements in any of the given slices");
  }

  static PatchException noMergeKeyDeclared(PatchSchema items) {
    return PatchException.internal("cannot merge lists without merge key for " + items.typeName());
  }

  static PatchException listMergeDirective() {
    return PatchException.internal("merging lists cannot yet be specified in the patch");
  }

  static PatchException unexpectedStrategy(List<String> strategies) {
    return PatchException.internal("unexpected patch strategy: [" + String.join(" ", strategies) + "]");
  }

  static PatchException orderMismatch(JsonNode patchList, JsonNode setElementOrder) {
    return PatchException.internal("The order in patch list:\n" + GoJson.format(patchList) + "\n doesn't match "
        + SmpDirectives.SET_ELEMENT_ORDER + " list:\n" + GoJson.format(setElementOrder) + "\n");
  }
}
