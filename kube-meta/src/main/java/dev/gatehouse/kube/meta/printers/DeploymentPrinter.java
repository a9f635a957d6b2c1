package dev.gatehouse.kube.meta.printers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.internal.Json;
import dev.gatehouse.kube.meta.labels.LabelSelector;
import dev.gatehouse.kube.meta.labels.SelectorParseException;

import java.time.Instant;
import java.util.List;

/** Upstream {@code printDeployment}: NAME READY UP-TO-DATE AVAILABLE AGE CONTAINERS IMAGES SELECTOR. */
final class DeploymentPrinter implements RowPrinter {

    @Override
    public List<Object> cells(JsonNode d, Instant now) {
        String selector;
        try {
            selector = LabelSelector.fromJson(Json.at(d, "/spec/selector")).toString();
        } catch (SelectorParseException e) {
            selector = "<invalid>";
        }
        List<JsonNode> containers = Json.array(d, "/spec/template/spec/containers");
        return List.of(RowPrinter.name(d),
                Json.integer(d, "/status/readyReplicas") + "/" + Json.integer(d, "/spec/replicas"),
                Json.integer(d, "/status/updatedReplicas"), Json.integer(d, "/status/availableReplicas"),
                RowPrinter.age(d, now), Containers.names(containers), Containers.images(containers), selector);
    }
}
