package dev.gatehouse.kube.meta.printers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.internal.Json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Printers of kinds whose rows are a few direct field reads. */
final class SimplePrinters {
    private SimplePrinters() {
    }

    /** NAME STATUS AGE. */
    static final RowPrinter NAMESPACE = (ns, now) ->
            List.of(RowPrinter.name(ns), Json.text(ns, "/status/phase"), RowPrinter.age(ns, now));

    /** NAME DATA AGE; DATA counts {@code data} plus {@code binaryData} keys. */
    static final RowPrinter CONFIG_MAP = (cm, now) -> List.of(RowPrinter.name(cm),
            (long) (Json.size(cm, "/data") + Json.size(cm, "/binaryData")), RowPrinter.age(cm, now));

    /** NAME TYPE DATA AGE; {@code stringData} keys count too, as conversion merges them into {@code data}. */
    static final RowPrinter SECRET = (secret, now) -> {
        Set<String> keys = new HashSet<>(Json.stringMap(secret, "/data").keySet());
        keys.addAll(Json.stringMap(secret, "/stringData").keySet());
        return List.of(RowPrinter.name(secret), Json.text(secret, "/type"), (long) keys.size(),
                RowPrinter.age(secret, now));
    };

    /** NAME SECRETS AGE. */
    static final RowPrinter SERVICE_ACCOUNT = (sa, now) ->
            List.of(RowPrinter.name(sa), (long) Json.size(sa, "/secrets"), RowPrinter.age(sa, now));

    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(ZoneOffset.UTC);

    /**
     * Upstream's default table convertor (kinds without a printer: roles, clusterroles, CRDs, ...): NAME and
     * CREATED AT, the creation time in RFC 3339 UTC ({@code 0001-01-01T00:00:00Z} when unset).
     */
    static final RowPrinter DEFAULT = (obj, now) -> List.of(RowPrinter.name(obj),
            RFC3339.format(Json.time(obj, "/metadata/creationTimestamp").orElse(Json.GO_ZERO_TIME)));
}
