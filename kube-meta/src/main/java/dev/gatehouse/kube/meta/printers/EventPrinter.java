package dev.gatehouse.kube.meta.printers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.internal.GoStrings;
import dev.gatehouse.kube.meta.internal.Json;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Upstream {@code printEvent} (wide): LAST SEEN, TYPE, REASON, OBJECT, SUBOBJECT, SOURCE, MESSAGE, FIRST SEEN,
 * COUNT, NAME. Serves both {@code v1} events and {@code events.k8s.io/v1} events, whose fields are renamed
 * ({@code regarding}, {@code note}, {@code deprecated*}) but print the same, as upstream prints both from the
 * internal type.
 */
final class EventPrinter implements RowPrinter {

    /** JSON pointers of the fields the printer reads, per API shape. */
    private record Shape(String involvedObject, String message, String source, String firstTimestamp,
                         String lastTimestamp, String count, String reportingController) {
    }

    static final EventPrinter CORE = new EventPrinter(new Shape("/involvedObject", "/message", "/source",
            "/firstTimestamp", "/lastTimestamp", "/count", "/reportingComponent"));
    static final EventPrinter EVENTS_V1 = new EventPrinter(new Shape("/regarding", "/note", "/deprecatedSource",
            "/deprecatedFirstTimestamp", "/deprecatedLastTimestamp", "/deprecatedCount", "/reportingController"));

    private final Shape shape;

    private EventPrinter(Shape shape) {
        this.shape = shape;
    }

    @Override
    public List<Object> cells(JsonNode event, Instant now) {
        String firstSeen = Json.time(event, shape.firstTimestamp()).isPresent()
                ? HumanDuration.since(Json.time(event, shape.firstTimestamp()), now)
                : HumanDuration.since(Json.time(event, "/eventTime"), now);
        String lastSeen = Json.time(event, shape.lastTimestamp()).isPresent()
                ? HumanDuration.since(Json.time(event, shape.lastTimestamp()), now)
                : firstSeen;
        long count = Json.integer(event, shape.count());
        if (Json.present(Json.at(event, "/series"))) {
            lastSeen = HumanDuration.since(Json.time(event, "/series/lastObservedTime"), now);
            count = Json.integer(event, "/series/count");
        } else if (count == 0) {
            count = 1; // singleton events of the new API carry no count
        }
        String kind = Json.text(event, shape.involvedObject() + "/kind").toLowerCase(Locale.ROOT);
        String name = Json.text(event, shape.involvedObject() + "/name");
        String target = name.isEmpty() ? kind : kind + "/" + name;
        return List.of(lastSeen, Json.text(event, "/type"), Json.text(event, "/reason"), target,
                Json.text(event, shape.involvedObject() + "/fieldPath"), source(event),
                GoStrings.trimSpace(Json.text(event, shape.message())), firstSeen, count, RowPrinter.name(event));
    }

    /** {@code component, host}, falling back to the reporting controller and instance; host omitted if empty. */
    private String source(JsonNode event) {
        String component = firstNonEmpty(Json.text(event, shape.source() + "/component"),
                Json.text(event, shape.reportingController()));
        String instance = firstNonEmpty(Json.text(event, shape.source() + "/host"),
                Json.text(event, "/reportingInstance"));
        return instance.isEmpty() ? component : component + ", " + instance;
    }

    private static String firstNonEmpty(String a, String b) {
        return a.isEmpty() ? b : a;
    }
}
