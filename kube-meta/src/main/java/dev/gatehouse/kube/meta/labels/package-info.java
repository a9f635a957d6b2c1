/**
 * Label selectors: the string syntax of {@code k8s.io/apimachinery/pkg/labels.Parse} (v0.32) and the
 * {@code metav1.LabelSelector} object form, with upstream error messages (kube-apiserver returns them as 400
 * {@code BadRequest} messages, which kubectl prints).
 */
package dev.gatehouse.kube.meta.labels;
