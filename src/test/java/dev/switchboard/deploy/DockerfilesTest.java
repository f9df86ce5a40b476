package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The images' Dockerfiles (which cannot be built here: there is no container engine) agree with the
 * manifests that run them: the port the gateway listens on, a non-root numeric user (Kubernetes can only
 * check runAsNonRoot against a number), and the tag the manifests pull.
 */
class DockerfilesTest {

    private static final Pattern INSTRUCTION = Pattern.compile("(?m)^(USER|EXPOSE)\\s+(\\S+)\\s*$");
    private static final Pattern BUILT_AS = Pattern.compile("docker build -f (\\S+) -t (\\S+) \\.");

    @ParameterizedTest
    @CsvSource({ "Dockerfile.jvm, k8s", "Dockerfile.native, k8s/knative" })
    void runsAsTheManifestsExpect(String dockerfile, String kustomization) throws IOException {
        Path file = Path.of("src/main/docker", dockerfile);
        String text = Files.readString(file);
        List<HasMetadata> objects = KubernetesObjects.readAll(Kustomization.render(Path.of(kustomization)));
        Pod pod = pod(objects);

        assertThat(last(text, "EXPOSE")).isEqualTo(String.valueOf(K8sManifestsTest.GatewayConfig.httpPort()));
        assertThat(pod.container().getPorts().get(0).getContainerPort()).isEqualTo(Integer.parseInt(last(text, "EXPOSE")));

        int user = Integer.parseInt(last(text, "USER"));
        assertThat(user).as("a numeric, non-root user").isPositive();
        if (pod.runAsUser() != null) {
            assertThat(pod.runAsUser()).isEqualTo(user);
        }

        Matcher built = BUILT_AS.matcher(text);
        assertThat(built.find()).as("the Dockerfile says how it is built").isTrue();
        assertThat(built.group(1)).isEqualTo(file.toString());
        assertThat(pod.container().getImage()).isEqualTo(built.group(2));
    }

    /** The gateway's container, and the user the pod forces on it, if any. */
    private record Pod(Container container, Long runAsUser) {
    }

    private static String last(String dockerfile, String instruction) {
        Matcher matcher = INSTRUCTION.matcher(dockerfile);
        String value = null;
        while (matcher.find()) {
            if (matcher.group(1).equals(instruction)) {
                value = matcher.group(2);
            }
        }
        assertThat(value).as(instruction).isNotNull();
        return value;
    }

    private static Pod pod(List<HasMetadata> objects) {
        for (HasMetadata object : objects) {
            if (object instanceof Deployment deployment) {
                PodSpec spec = deployment.getSpec().getTemplate().getSpec();
                return new Pod(spec.getContainers().get(0),
                        spec.getSecurityContext() == null ? null : spec.getSecurityContext().getRunAsUser());
            }
            if (object instanceof io.fabric8.knative.serving.v1.Service knative) {
                Container container = knative.getSpec().getTemplate().getSpec().getContainers().get(0);
                return new Pod(container, container.getSecurityContext().getRunAsUser());
            }
        }
        throw new AssertionError("no pod template");
    }
}
