package org.example.inquiry.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a Kustomize directory the way {@code kubectl kustomize} does, for the subset of Kustomize
 * the manifests under {@code deploy/k8s} use, so the manifest check runs with Java alone: {@code
 * resources} (files and directories), {@code namespace}, {@code images}, {@code replicas} and
 * {@code patches} (strategic-merge patches, containers merged by name, and JSON 6902 patches with a
 * target). Any other field of a {@code kustomization.yaml} fails the rendering, so the subset
 * cannot drift silently; where {@code kubectl} is installed the test compares both renderings.
 */
public final class Kustomize {

  private static final Set<String> FIELDS =
      Set.of("apiVersion", "kind", "resources", "namespace", "images", "replicas", "patches");

  /** Kinds without a namespace. */
  private static final Set<String> CLUSTER_SCOPED =
      Set.of("Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition");

  /** Lists merged by key in a strategic-merge patch (as Kubernetes' own types declare them). */
  private static final Map<String, String> MERGE_KEYS =
      Map.of(
          "containers", "name",
          "initContainers", "name",
          "env", "name",
          "volumes", "name",
          "volumeMounts", "mountPath",
          "ports", "containerPort");

  /** Core kinds whose lists merge by key; custom resources' lists are replaced. */
  private static final Set<String> BUILT_IN_KINDS =
      Set.of("Deployment", "StatefulSet", "Service", "ConfigMap", "Secret", "PodDisruptionBudget");

  private Kustomize() {}

  /** Every resource the directory's kustomization produces, transformed. */
  public static List<ObjectNode> build(Path dir) {
    Path file = dir.resolve("kustomization.yaml");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no kustomization.yaml in " + dir);
    }
    JsonNode kustomization = Yaml.documents(file).get(0);
    kustomization
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(
                    file + ": the field '" + name + "' is outside the Kustomize subset " + FIELDS);
              }
            });
    List<ObjectNode> resources = new ArrayList<>();
    for (JsonNode entry : kustomization.path("resources")) {
      Path path = dir.resolve(entry.asText()).normalize();
      if (Files.isDirectory(path)) {
        resources.addAll(build(path));
      } else {
        for (JsonNode document : Yaml.documents(path)) {
          resources.add((ObjectNode) document);
        }
      }
    }
    for (JsonNode patch : kustomization.path("patches")) {
      applyPatch(dir, patch, resources);
    }
    for (JsonNode replicas : kustomization.path("replicas")) {
      for (ObjectNode resource : resources) {
        if (replicas.path("name").asText().equals(name(resource))
            && Set.of("Deployment", "StatefulSet").contains(resource.path("kind").asText())) {
          ((ObjectNode) resource.get("spec")).put("replicas", replicas.path("count").asInt());
        }
      }
    }
    for (JsonNode image : kustomization.path("images")) {
      resources.forEach(r -> setImages(r, image));
    }
    if (kustomization.hasNonNull("namespace")) {
      String namespace = kustomization.get("namespace").asText();
      for (ObjectNode resource : resources) {
        if (!CLUSTER_SCOPED.contains(resource.path("kind").asText())) {
          ((ObjectNode) resource.get("metadata")).put("namespace", namespace);
        }
      }
    }
    return resources;
  }

  /** Resources by {@code kind/name}. */
  public static Map<String, ObjectNode> byKindAndName(List<ObjectNode> resources) {
    Map<String, ObjectNode> map = new LinkedHashMap<>();
    for (ObjectNode resource : resources) {
      String key = resource.path("kind").asText() + "/" + name(resource);
      if (map.put(key, resource) != null) {
        throw new IllegalStateException("two resources " + key);
      }
    }
    return map;
  }

  static String name(JsonNode resource) {
    return resource.path("metadata").path("name").asText();
  }

  private static void applyPatch(Path dir, JsonNode patch, List<ObjectNode> resources) {
    List<JsonNode> bodies =
        patch.has("path")
            ? Yaml.documents(dir.resolve(patch.get("path").asText()))
            : Yaml.documents(patch.path("patch").asText());
    for (JsonNode body : bodies) {
      applyPatch(patch, body, resources);
    }
  }

  private static void applyPatch(JsonNode patch, JsonNode body, List<ObjectNode> resources) {
    JsonNode target = patch.path("target");
    if (body.isArray()) {
      if (target.isMissingNode()) {
        throw new IllegalArgumentException("a JSON 6902 patch needs a target: " + patch);
      }
      int matched = 0;
      for (ObjectNode resource : resources) {
        if (matches(resource, target)) {
          jsonPatch(resource, (ArrayNode) body);
          matched++;
        }
      }
      if (matched == 0) {
        throw new IllegalArgumentException("the patch target matches nothing: " + target);
      }
      return;
    }
    ObjectNode patchObject = (ObjectNode) body;
    int matched = 0;
    for (ObjectNode resource : resources) {
      boolean hit =
          target.isMissingNode()
              ? resource.path("kind").asText().equals(patchObject.path("kind").asText())
                  && name(resource).equals(name(patchObject))
              : matches(resource, target);
      if (hit) {
        ObjectNode copy = patchObject.deepCopy();
        if (!target.isMissingNode()) {
          // A patch applied by target keeps the resource's own identity.
          copy.remove("metadata");
          if (patchObject.path("metadata").has("labels")
              || patchObject.path("metadata").has("annotations")) {
            ObjectNode metadata = copy.putObject("metadata");
            if (patchObject.path("metadata").has("labels")) {
              metadata.set("labels", patchObject.path("metadata").get("labels"));
            }
            if (patchObject.path("metadata").has("annotations")) {
              metadata.set("annotations", patchObject.path("metadata").get("annotations"));
            }
          }
          copy.remove("apiVersion");
          copy.remove("kind");
        }
        merge(resource, copy, BUILT_IN_KINDS.contains(resource.path("kind").asText()));
        matched++;
      }
    }
    if (matched == 0) {
      throw new IllegalArgumentException("the patch matches no resource: " + patch);
    }
  }

  private static boolean matches(JsonNode resource, JsonNode target) {
    if (target.has("kind") && !target.get("kind").asText().equals(resource.path("kind").asText())) {
      return false;
    }
    if (target.has("name") && !name(resource).matches(target.get("name").asText())) {
      return false;
    }
    if (target.has("labelSelector")) {
      for (String pair : target.get("labelSelector").asText().split(",")) {
        String[] kv = pair.split("=", 2);
        if (!resource
            .path("metadata")
            .path("labels")
            .path(kv[0].trim())
            .asText()
            .equals(kv[1].trim())) {
          return false;
        }
      }
    }
    return true;
  }

  /** Strategic merge: maps recursively, keyed lists by key (built-in kinds), null deletes. */
  static void merge(ObjectNode into, JsonNode patch, boolean keyedLists) {
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      JsonNode existing = into.get(name);
      if (value.isNull()) {
        into.remove(name);
      } else if (value.isObject() && existing != null && existing.isObject()) {
        merge((ObjectNode) existing, value, keyedLists);
      } else if (value.isArray()
          && existing != null
          && existing.isArray()
          && keyedLists
          && MERGE_KEYS.containsKey(name)) {
        mergeList((ArrayNode) existing, (ArrayNode) value, MERGE_KEYS.get(name), keyedLists);
      } else {
        into.set(name, value.deepCopy());
      }
    }
  }

  private static void mergeList(ArrayNode into, ArrayNode patch, String key, boolean keyedLists) {
    for (JsonNode item : patch) {
      JsonNode id = item.path(key);
      ObjectNode match = null;
      for (JsonNode existing : into) {
        if (existing.path(key).equals(id)) {
          match = (ObjectNode) existing;
        }
      }
      if (match != null) {
        merge(match, item, keyedLists);
      } else {
        into.add(item.deepCopy());
      }
    }
  }

  /** RFC 6902 add, replace and remove with JSON pointers ({@code -} appends to a list). */
  static void jsonPatch(ObjectNode resource, ArrayNode operations) {
    for (JsonNode operation : operations) {
      String op = operation.path("op").asText();
      String path = operation.path("path").asText();
      int slash = path.lastIndexOf('/');
      JsonNode parent = resource.at(path.substring(0, slash));
      String last = path.substring(slash + 1).replace("~1", "/").replace("~0", "~");
      if (parent.isMissingNode()) {
        throw new IllegalArgumentException(
            "no " + path.substring(0, slash) + " in " + name(resource));
      }
      JsonNode value = operation.get("value");
      switch (op) {
        case "add", "replace" -> {
          if (parent.isArray()) {
            ArrayNode array = (ArrayNode) parent;
            if (last.equals("-")) {
              array.add(value.deepCopy());
            } else if (op.equals("add")) {
              array.insert(Integer.parseInt(last), value.deepCopy());
            } else {
              array.set(Integer.parseInt(last), value.deepCopy());
            }
          } else {
            if (op.equals("replace") && !parent.has(last)) {
              throw new IllegalArgumentException(
                  "nothing to replace at " + path + " in " + name(resource));
            }
            ((ObjectNode) parent)
                .set(last, value == null ? JsonNodeFactory.instance.nullNode() : value.deepCopy());
          }
        }
        case "remove" -> {
          if (parent.isArray()) {
            ((ArrayNode) parent).remove(Integer.parseInt(last));
          } else {
            ((ObjectNode) parent).remove(last);
          }
        }
        default ->
            throw new IllegalArgumentException("JSON patch op '" + op + "' is outside the subset");
      }
    }
  }

  private static void setImages(ObjectNode resource, JsonNode image) {
    JsonNode spec = resource.path("spec").path("template").path("spec");
    for (String list : List.of("containers", "initContainers")) {
      for (JsonNode container : spec.path(list)) {
        String current = container.path("image").asText();
        String name = current.contains("@") ? current.substring(0, current.indexOf('@')) : current;
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
          name = name.substring(0, colon);
        }
        if (!name.equals(image.path("name").asText())) {
          continue;
        }
        String newName = image.path("newName").asText(name);
        String replaced =
            image.has("digest")
                ? newName + "@" + image.get("digest").asText()
                : newName
                    + (image.has("newTag")
                        ? ":" + image.get("newTag").asText()
                        : current.substring(name.length()));
        ((ObjectNode) container).put("image", replaced);
      }
    }
  }
}
