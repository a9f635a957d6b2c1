package dev.gatehouse.kube.meta.printers;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Server-side printing of built-in resources as kube-apiserver 1.32 does it for {@code meta.k8s.io/v1} Tables.
 * Printers exist for namespaces, configmaps, secrets, serviceaccounts, pods, services, nodes, events (core and
 * {@code events.k8s.io}), deployments, rolebindings and clusterrolebindings; every other resource (roles,
 * clusterroles, customresourcedefinitions, ...) gets upstream's default {@code Name}, {@code Created At}.
 * Custom resources use {@link CustomResourceTable}.
 *
 * <p>Cells are {@link String}, {@link Long} or {@link Boolean}, in column order, including the priority-1
 * columns. Stateless and thread-safe.
 */
public final class TableConvertor {

    private static final Map<String, RowPrinter> PRINTERS = Map.ofEntries(
            Map.entry("/namespaces", SimplePrinters.NAMESPACE),
            Map.entry("/configmaps", SimplePrinters.CONFIG_MAP),
            Map.entry("/secrets", SimplePrinters.SECRET),
            Map.entry("/serviceaccounts", SimplePrinters.SERVICE_ACCOUNT),
            Map.entry("/pods", new PodPrinter()),
            Map.entry("/services", new ServicePrinter()),
            Map.entry("/nodes", new NodePrinter()),
            Map.entry("/events", EventPrinter.CORE),
            Map.entry("events.k8s.io/events", EventPrinter.EVENTS_V1),
            Map.entry("apps/deployments", new DeploymentPrinter()),
            Map.entry("rbac.authorization.k8s.io/rolebindings", new BindingPrinter()),
            Map.entry("rbac.authorization.k8s.io/clusterrolebindings", new BindingPrinter()));

    /** The column definitions of a resource ({@code group} is {@code ""} for the core group). */
    public List<ColumnDefinition> columns(String group, String resource) {
        List<ColumnDefinition> columns = ColumnCatalog.lookup(group, resource);
        return columns != null && PRINTERS.containsKey(key(group, resource)) ? columns : ColumnCatalog.DEFAULT;
    }

    /**
     * The row cells of one object, matching {@link #columns}. {@code now} is the server clock; ages are
     * computed from it.
     */
    public List<Object> cells(String group, String resource, JsonNode object, Instant now) {
        return printer(group, resource).cells(object, now);
    }

    /** Row conditions upstream attaches (pods that succeeded or failed are {@code Completed}). */
    public List<TableRowCondition> rowConditions(String group, String resource, JsonNode object) {
        return printer(group, resource).conditions(object);
    }

    /** Whether the resource has a dedicated printer (otherwise the default columns apply). */
    public boolean hasPrinter(String group, String resource) {
        return PRINTERS.containsKey(key(group, resource));
    }

    private static RowPrinter printer(String group, String resource) {
        return PRINTERS.getOrDefault(key(group, resource), SimplePrinters.DEFAULT);
    }

    private static String key(String group, String resource) {
        return group + "/" + resource;
    }

    /** The columns of a custom resource version, see {@link CustomResourceTable#of}. */
    public List<ColumnDefinition> customResourceColumns(List<CustomResourceTable.PrinterColumn> printerColumns) {
        return CustomResourceTable.of(printerColumns).columns();
    }

    /** The cells of a custom resource, see {@link CustomResourceTable#cells}. */
    public List<Object> customResourceCells(List<CustomResourceTable.PrinterColumn> printerColumns, JsonNode object,
                                            Instant now) {
        return CustomResourceTable.of(printerColumns).cells(object, now);
    }
}
