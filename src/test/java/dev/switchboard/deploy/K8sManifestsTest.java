package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.knative.serving.v1.RevisionSpec;
import io.quarkus.runtime.configuration.DurationConverter;

/**
 * The manifests in k8s/ render, are valid Kubernetes objects, and agree with one another and with the
 * gateway's own configuration. (That each probe path answers in the running application is
 * {@code it/K8sProbesIT}.)
 */
class K8sManifestsTest {

    private static final String NAME = "switchboard";
    /** Where SmallRye Health answers each group Kubernetes asks (quarkus.smallrye-health.root-path is the default). */
    private static final Map<String, String> PROBE_PATHS = Map.of(
            "startup", "/q/health/started", "liveness", "/q/health/live", "readiness", "/q/health/ready");

    private static final List<HasMetadata> PODS = KubernetesObjects.readAll(Kustomization.render(Kustomization.root()));
    private static final List<HasMetadata> SERVERLESS = KubernetesObjects.readAll(
            Kustomization.render(Kustomization.root().resolve("knative")));
    private static final List<HasMetadata> SECRETS = KubernetesObjects.readAll(
            Kustomization.readAll(Kustomization.root().resolve("config/secret.example.yaml")));

    private static Deployment deployment() {
        return KubernetesObjects.one(PODS, Deployment.class, NAME);
    }

    private static Container gateway() {
        return deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static RevisionSpec revision() {
        return KubernetesObjects.one(SERVERLESS, io.fabric8.knative.serving.v1.Service.class, NAME).getSpec().getTemplate().getSpec();
    }

    private static Container serverlessGateway() {
        return revision().getContainers().get(0);
    }

    private static List<String> kinds(List<HasMetadata> objects) {
        return objects.stream().map(o -> o.getApiVersion() + "/" + o.getKind() + "/" + o.getMetadata().getName()).sorted().toList();
    }

    @Test
    void rendersThePodsAndTheServerlessVariant() {
        assertThat(kinds(PODS)).containsExactly("apps/v1/Deployment/switchboard",
                "autoscaling/v2/HorizontalPodAutoscaler/switchboard", "policy/v1/PodDisruptionBudget/switchboard",
                "v1/ConfigMap/switchboard-routes", "v1/Service/switchboard");
        assertThat(kinds(SERVERLESS)).containsExactly("serving.knative.dev/v1/Service/switchboard",
                "v1/ConfigMap/switchboard-routes");
        assertThat(kinds(SECRETS)).containsExactly("v1/Secret/switchboard-gateway-keys", "v1/Secret/switchboard-provider-keys");
    }

    @Test
    void aFieldKubernetesDoesNotHaveIsRejected() {
        ObjectNode deployment = (ObjectNode) Kustomization.readAll(Kustomization.root().resolve("deployment.yaml")).get(0).deepCopy();
        ObjectNode container = (ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0);
        container.set("livenesProbe", container.remove("livenessProbe"));
        assertThatThrownBy(() -> KubernetesObjects.read(deployment))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("livenesProbe");

        ObjectNode knative = (ObjectNode) Kustomization.readAll(Kustomization.root().resolve("knative/service.yaml")).get(0).deepCopy();
        ((ObjectNode) knative.path("spec").path("template").path("spec")).put("replicas", 2);
        assertThatThrownBy(() -> KubernetesObjects.read(knative))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replicas");

        ObjectNode unknownKind = deployment.deepCopy().put("apiVersion", "apps/v1beta1");
        assertThatThrownBy(() -> KubernetesObjects.read(unknownKind)).hasMessageContaining("apps/v1beta1/Deployment");
    }

    @Test
    void renderingWithoutKubectlGivesWhatKubectlGives() {
        Assumptions.assumeTrue(Kustomization.kubectl().isPresent(),
                "kubectl is not installed: the manifests were rendered without it, and this comparison needs it");
        for (Path kustomization : List.of(Kustomization.root(), Kustomization.root().resolve("knative"))) {
            assertThat(byName(Kustomization.renderHere(kustomization)))
                    .as(kustomization.toString()).isEqualTo(byName(Kustomization.renderWithKubectl(kustomization)));
        }
    }

    private static Map<String, ObjectNode> byName(List<ObjectNode> objects) {
        return objects.stream().collect(Collectors.toMap(
                o -> o.path("apiVersion").asText() + "/" + o.path("kind").asText() + "/" + o.path("metadata").path("name").asText(),
                Function.identity()));
    }

    @Test
    void theRendererRefusesWhatOnlyKustomizeDoes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\nnamePrefix: prod-\n");
        assertThatThrownBy(() -> Kustomization.renderHere(dir)).hasMessageContaining("namePrefix");
    }

    @Test
    void everyProbeAsksItsOwnHealthGroupOnTheContainersPort() {
        Container container = gateway();
        assertProbe(container.getStartupProbe(), "startup", container);
        assertProbe(container.getLivenessProbe(), "liveness", container);
        assertProbe(container.getReadinessProbe(), "readiness", container);
        assertThat(container.getStartupProbe().getFailureThreshold() * container.getStartupProbe().getPeriodSeconds())
                .as("seconds the gateway has to start").isGreaterThanOrEqualTo(30);

        // Knative probes the container's single port itself: a port in a probe is refused there.
        Container serverless = serverlessGateway();
        assertThat(serverless.getPorts()).singleElement().extracting(ContainerPort::getContainerPort).isEqualTo(8080);
        assertThat(serverless.getLivenessProbe().getHttpGet().getPath()).isEqualTo(PROBE_PATHS.get("liveness"));
        assertThat(serverless.getReadinessProbe().getHttpGet().getPath()).isEqualTo(PROBE_PATHS.get("readiness"));
        assertThat(serverless.getLivenessProbe().getHttpGet().getPort()).isNull();
        assertThat(serverless.getReadinessProbe().getHttpGet().getPort()).isNull();
    }

    private static void assertProbe(Probe probe, String kind, Container container) {
        assertThat(probe).as(kind + " probe").isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(kind + " probe path").isEqualTo(PROBE_PATHS.get(kind));
        assertThat(containerPort(container, probe.getHttpGet().getPort())).as(kind + " probe port")
                .isEqualTo(GatewayConfig.httpPort());
    }

    /** A port by name or number, as the container declares it. */
    private static int containerPort(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            assertThat(container.getPorts()).extracting(ContainerPort::getContainerPort).contains(port.getIntVal());
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal())).getContainerPort();
    }

    @Test
    void theServiceReachesTheGatewaysPortAndSelectsItsPods() {
        Service service = KubernetesObjects.one(PODS, Service.class, NAME);
        Map<String, String> podLabels = deployment().getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(podLabels).containsAllEntriesOf(deployment().getSpec().getSelector().getMatchLabels());
        assertThat(service.getSpec().getPorts()).singleElement()
                .satisfies(port -> assertThat(containerPort(gateway(), port.getTargetPort())).isEqualTo(GatewayConfig.httpPort()));
    }

    @Test
    void podsRunAsNonRootOnAReadOnlyRootFilesystem() {
        PodSecurityContext pod = deployment().getSpec().getTemplate().getSpec().getSecurityContext();
        assertThat(pod.getRunAsNonRoot()).isTrue();
        assertThat(pod.getRunAsUser()).isPositive();
        for (Container container : List.of(gateway(), serverlessGateway())) {
            var security = container.getSecurityContext();
            assertThat(security.getReadOnlyRootFilesystem()).as(container.getImage()).isTrue();
            assertThat(security.getAllowPrivilegeEscalation()).as(container.getImage()).isFalse();
            assertThat(security.getCapabilities().getDrop()).as(container.getImage()).containsExactly("ALL");
        }
        assertThat(serverlessGateway().getSecurityContext().getRunAsNonRoot()).isTrue();
        // Nothing writable is mounted for the serverless container: the gateway writes no file (K8sProbesIT).
        assertThat(serverlessGateway().getVolumeMounts()).allMatch(VolumeMount::getReadOnly);
    }

    @Test
    void everyContainerHasRequestsAndLimits() {
        for (Container container : List.of(gateway(), serverlessGateway())) {
            var resources = container.getResources();
            assertThat(resources.getRequests()).as(container.getImage()).containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).as(container.getImage()).containsKeys("cpu", "memory");
        }
    }

    @Test
    void terminationOutlastsTheGatewaysOwnShutdown() {
        Duration shutdown = GatewayConfig.duration("quarkus.shutdown.delay").plus(GatewayConfig.duration("quarkus.shutdown.timeout"));
        assertThat(GatewayConfig.value("quarkus.shutdown.delay-enabled")).isEqualTo("true");
        assertThat(Duration.ofSeconds(deployment().getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()))
                .isGreaterThan(shutdown);
        // Knative stops a revision's pods after its request timeout: long enough for the same drain.
        assertThat(Duration.ofSeconds(revision().getTimeoutSeconds())).isGreaterThan(shutdown);
    }

    @Test
    void theAutoscalerAndTheDisruptionBudgetKeepAPodServing() {
        HorizontalPodAutoscaler hpa = KubernetesObjects.one(PODS, HorizontalPodAutoscaler.class, NAME);
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(NAME);
        PodDisruptionBudget pdb = KubernetesObjects.one(PODS, PodDisruptionBudget.class, NAME);
        assertThat(deployment().getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
        int minAvailable = pdb.getSpec().getMinAvailable().getIntVal();
        assertThat(minAvailable).isPositive().isLessThan(hpa.getSpec().getMinReplicas())
                .isLessThan(deployment().getSpec().getReplicas());
        assertThat(deployment().getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
    }

    @Test
    void keysComeFromTheExampleSecretsAreOptionalAndTheExampleHoldsNone() {
        Map<String, Secret> secrets = SECRETS.stream().map(Secret.class::cast)
                .collect(Collectors.toMap(s -> s.getMetadata().getName(), Function.identity()));
        assertThat(secrets.values()).allSatisfy(secret -> assertThat(secret.getStringData().values()).allMatch(String::isEmpty));
        for (Container container : List.of(gateway(), serverlessGateway())) {
            List<SecretKeySelector> refs = container.getEnv().stream().filter(e -> e.getValueFrom() != null)
                    .map(e -> e.getValueFrom().getSecretKeyRef()).toList();
            assertThat(refs).hasSize(6).allSatisfy(ref -> {
                assertThat(ref.getOptional()).as(ref.getName() + "/" + ref.getKey()).isTrue();
                assertThat(secrets).containsKey(ref.getName());
                assertThat(secrets.get(ref.getName()).getStringData()).containsKey(ref.getKey());
            });
            assertThat(container.getEnv()).extracting(EnvVar::getName).contains("OPENAI_API_KEY", "ANTHROPIC_API_KEY",
                    "GEMINI_API_KEY", "OPENAI_COMPATIBLE_API_KEY", "SWITCHBOARD_AUTH_API_KEYS", "SWITCHBOARD_AUTH_ADMIN_KEY");
        }
        assertThat(env(gateway())).isEqualTo(env(serverlessGateway()));
    }

    private static List<String> env(Container container) {
        return container.getEnv().stream().map(EnvVar::toString).sorted(Comparator.naturalOrder()).toList();
    }

    @Test
    void theRoutesAreMountedWhereTheGatewayReadsThem() {
        assertRoutesMounted(gateway(), deployment().getSpec().getTemplate().getSpec().getVolumes(), PODS);
        assertRoutesMounted(serverlessGateway(), revision().getVolumes(), SERVERLESS);
    }

    private static void assertRoutesMounted(Container container, List<Volume> volumes, List<HasMetadata> objects) {
        Path file = Path.of(container.getEnv().stream().filter(e -> e.getName().equals("QUARKUS_CONFIG_LOCATIONS"))
                .findFirst().orElseThrow().getValue());
        VolumeMount mount = container.getVolumeMounts().stream().filter(m -> file.startsWith(m.getMountPath()))
                .findFirst().orElseThrow(() -> new AssertionError(file + " is on no mounted volume"));
        Volume volume = volumes.stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        ConfigMap routes = KubernetesObjects.one(objects, ConfigMap.class, volume.getConfigMap().getName());
        String key = Path.of(mount.getMountPath()).relativize(file).toString();
        assertThat(routes.getData()).containsKey(key);
        assertThat(routes.getData().get(key)).contains("switchboard.chain=").contains("switchboard.routes.");
        assertThat(routes.getData().get(key)).doesNotContainPattern("(?m)^\\s*quarkus\\.http\\.port");
    }

    /** The gateway's packaged configuration, src/main/resources/application.properties. */
    static final class GatewayConfig {

        private static final Properties PROPERTIES = load();

        private static Properties load() {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
                properties.load(in);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return properties;
        }

        static String value(String key) {
            return PROPERTIES.getProperty(key);
        }

        static Duration duration(String key) {
            return new DurationConverter().convert(value(key));
        }

        /** quarkus.http.port as packaged; Quarkus listens on 8080 when it is not set. */
        static int httpPort() {
            return Integer.parseInt(PROPERTIES.getProperty("quarkus.http.port", "8080"));
        }
    }
}
