package dev.switchboard.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The objects a kustomization in {@code k8s/} renders to. {@code kubectl kustomize} renders them when
 * kubectl is installed; without it (a fresh CI machine need not have it) they are rendered here, for the
 * one feature the project's kustomizations use: {@code resources}, files and directories. Any other
 * kustomize feature is refused, so the two renderings cannot drift apart unnoticed, and where kubectl
 * exists a test checks that they agree.
 */
public final class Kustomization {

    /** The keys this renderer understands; anything else needs kubectl and is refused here. */
    private static final Set<String> UNDERSTOOD = Set.of("apiVersion", "kind", "resources");
    private static final ObjectMapper YAML = new YAMLMapper();

    private Kustomization() {
    }

    /** The project's {@code k8s/} directory. */
    public static Path root() {
        return Path.of("k8s");
    }

    /** Rendered with kubectl when it is on the PATH, else by {@link #renderHere(Path)}. */
    public static List<ObjectNode> render(Path directory) {
        return kubectl().isPresent() ? renderWithKubectl(directory) : renderHere(directory);
    }

    /** The kustomization's objects, in the order its {@code resources} list them. */
    public static List<ObjectNode> renderHere(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        JsonNode kustomization = readAll(file).get(0);
        kustomization.fieldNames().forEachRemaining(key -> {
            if (!UNDERSTOOD.contains(key)) {
                throw new IllegalStateException(file + " uses '" + key + "', which only kubectl kustomize renders;"
                        + " extend Kustomization or keep k8s/ to plain resources");
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            objects.addAll(Files.isDirectory(path) ? renderHere(path) : readAll(path));
        }
        return objects;
    }

    public static List<ObjectNode> renderWithKubectl(Path directory) {
        String kubectl = kubectl().orElseThrow(() -> new IllegalStateException("kubectl is not on the PATH"));
        try {
            Process process = new ProcessBuilder(kubectl, "kustomize", directory.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + directory + " failed:\n" + output);
            }
            return parse(output, "kubectl kustomize " + directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every YAML document of a manifest file, as objects. */
    public static List<ObjectNode> readAll(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ObjectNode> parse(String yaml, String origin) throws IOException {
        List<ObjectNode> documents = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                if (!document.isObject()) {
                    throw new IllegalStateException(origin + " holds a YAML document that is not an object: " + document);
                }
                documents.add((ObjectNode) document);
            }
        }
        return documents;
    }

    /** kubectl's path, if it is installed. */
    public static Optional<String> kubectl() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }
}
