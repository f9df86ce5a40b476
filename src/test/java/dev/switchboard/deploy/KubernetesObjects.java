package dev.switchboard.deploy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Manifests read into the fabric8 Kubernetes model, strictly: a field the Kubernetes API does not have
 * (a typo, a field at the wrong level, a field of another version) fails the read instead of vanishing.
 * The model classes keep unknown fields in an "additional properties" map; that catch-all is switched
 * off here, so Jackson's ordinary unknown-property check applies.
 */
public final class KubernetesObjects {

    /** Every kind k8s/ may hold, by apiVersion and kind. Another one fails the read. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", io.fabric8.kubernetes.api.model.Service.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "serving.knative.dev/v1/Service", io.fabric8.knative.serving.v1.Service.class);

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated member) {
                    return Boolean.FALSE;
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private KubernetesObjects() {
    }

    /** One manifest object as its model class; an unknown kind or field is an {@link IllegalArgumentException}. */
    public static HasMetadata read(JsonNode manifest) {
        String key = manifest.path("apiVersion").asText() + "/" + manifest.path("kind").asText();
        Class<? extends HasMetadata> type = KINDS.get(key);
        if (type == null) {
            throw new IllegalArgumentException("not a kind k8s/ is expected to hold: " + key);
        }
        try {
            return STRICT.treeToValue(manifest, type);
        } catch (Exception invalid) {
            throw new IllegalArgumentException(key + " " + manifest.path("metadata").path("name").asText()
                    + " is not a valid Kubernetes object: " + invalid.getMessage(), invalid);
        }
    }

    public static List<HasMetadata> readAll(List<? extends JsonNode> manifests) {
        return manifests.stream().map(KubernetesObjects::read).toList();
    }

    /** The one object of this type and name. */
    public static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type, String name) {
        List<T> found = objects.stream().filter(type::isInstance).map(type::cast)
                .filter(object -> name.equals(object.getMetadata().getName())).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + " named " + name + ", found " + found.size());
        }
        return found.get(0);
    }
}
