/**
 * Server-side printing: the {@code meta.k8s.io/v1} {@code Table} columns and cells kube-apiserver 1.32 returns
 * to {@code kubectl get} (k8s.io/kubernetes {@code pkg/printers/internalversion}, k8s.io/apiserver's default
 * table convertor and apiextensions' CRD column convertor).
 *
 * <p>kube-apiserver always prints with {@code Wide: true}, so cells include the priority-1 columns; kubectl
 * hides those unless {@code -o wide}. Printers expect objects as the API server stores them, i.e. defaulted.
 */
package dev.gatehouse.kube.meta.printers;
