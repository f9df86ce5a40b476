package dev.switchboard.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.deploy.KubernetesObjects;
import dev.switchboard.deploy.Kustomization;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The packaged gateway started the way k8s/ starts it: the container's environment, the routes
 * ConfigMap where the container mounts it, no Secret (every key is optional: providers are simulated).
 * Every probe the manifests declare answers 200 UP on its path, and the ConfigMap's routes are the ones
 * served. The app listens on a free port here; that each probe's port is the container port the gateway
 * listens on is K8sManifestsTest's.
 */
class K8sProbesIT {

    /** A route added to the rendered ConfigMap, to see that the gateway read that file. */
    private static final String MARKER = "from-the-configmap";

    @Test
    void theDeploymentsProbesAnswerInTheGatewayStartedAsThePodStartsIt(@TempDir Path dir) throws Exception {
        List<HasMetadata> objects = KubernetesObjects.readAll(Kustomization.render(Kustomization.root()));
        Deployment deployment = KubernetesObjects.one(objects, Deployment.class, "switchboard");
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

        try (PackagedApp app = PackagedApp.start(environment(container, deployment.getSpec().getTemplate().getSpec().getVolumes(),
                objects, dir))) {
            String base = app.baseUrl();
            assertAnswers(base, container.getStartupProbe());
            assertAnswers(base, container.getLivenessProbe());
            assertAnswers(base, container.getReadinessProbe());
            assertServesTheConfigMapsRoutes(base);
        }
    }

    /**
     * The serverless container mounts nothing writable: the gateway starts and answers with no writable
     * temp directory at all (a path under a regular file, which not even root can create).
     */
    @Test
    void theKnativeServicesProbesAnswerWithNothingWritable(@TempDir Path dir) throws Exception {
        List<HasMetadata> objects = KubernetesObjects.readAll(Kustomization.render(Kustomization.root().resolve("knative")));
        var service = KubernetesObjects.one(objects, io.fabric8.knative.serving.v1.Service.class, "switchboard");
        Container container = service.getSpec().getTemplate().getSpec().getContainers().get(0);
        Path notADirectory = Files.writeString(dir.resolve("not-a-directory"), "");

        try (PackagedApp app = PackagedApp.start(environment(container, service.getSpec().getTemplate().getSpec().getVolumes(),
                objects, dir), "java.io.tmpdir=" + notADirectory.resolve("tmp"))) {
            String base = app.baseUrl();
            assertAnswers(base, container.getLivenessProbe());
            assertAnswers(base, container.getReadinessProbe());
            assertServesTheConfigMapsRoutes(base);
            assertThat(app.output()).doesNotContain("Unable to create").doesNotContain("ERROR");
        }
    }

    private static void assertAnswers(String base, Probe probe) {
        given().baseUri(base).get(probe.getHttpGet().getPath()).then().statusCode(200).body("status", equalTo("UP"));
    }

    private static void assertServesTheConfigMapsRoutes(String base) {
        given().baseUri(base).get("/v1/models/" + MARKER).then().statusCode(200).body("id", equalTo(MARKER));
        given().baseUri(base).get("/v1/models").then().statusCode(200)
                .body("data.find { it.id == 'claude-sonnet' }.switchboard.upstream_model", equalTo("claude-sonnet-4-5"));
    }

    /**
     * The container's literal environment, with the ConfigMap volumes written under {@code dir} and the
     * paths into them rewritten to there. Variables from Secrets are left unset, as when no Secret exists.
     */
    private static Map<String, String> environment(Container container, List<Volume> volumes, List<HasMetadata> objects,
            Path dir) throws IOException {
        Map<String, Path> mounts = new HashMap<>();
        for (VolumeMount mount : container.getVolumeMounts()) {
            Volume volume = volumes.stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            if (volume.getConfigMap() == null) {
                continue;
            }
            Path local = Files.createDirectories(dir.resolve(mount.getName()));
            ConfigMap configMap = KubernetesObjects.one(objects, ConfigMap.class, volume.getConfigMap().getName());
            for (var file : configMap.getData().entrySet()) {
                Files.writeString(local.resolve(file.getKey()), file.getValue() + "\nswitchboard.routes." + MARKER
                        + ".provider=openai\nswitchboard.routes." + MARKER + ".model=gpt-4o-mini\n");
            }
            mounts.put(mount.getMountPath(), local);
        }
        Map<String, String> environment = new HashMap<>();
        List<String> fromSecrets = new ArrayList<>();
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() != null) {
                fromSecrets.add(variable.getName());
                continue;
            }
            String value = variable.getValue();
            for (var mount : mounts.entrySet()) {
                if (value.startsWith(mount.getKey() + "/")) {
                    value = mount.getValue().resolve(value.substring(mount.getKey().length() + 1)).toString();
                }
            }
            environment.put(variable.getName(), value);
        }
        assertThat(fromSecrets).isNotEmpty();
        assertThat(environment).containsKey("QUARKUS_CONFIG_LOCATIONS");
        assertThat(Path.of(environment.get("QUARKUS_CONFIG_LOCATIONS"))).as("the routes file, as mounted").exists();
        return environment;
    }
}
