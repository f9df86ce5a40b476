package dev.switchboard.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application started as users start it, in its own process with an environment free of
 * provider keys, on a free port: the jar (target/quarkus-app), or the native executable when the
 * native profile built one ({@code native.image.path}). Its output is kept for assertions.
 */
final class PackagedApp implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    private static final List<String> KEY_VARIABLES = List.of("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY",
            "OPENAI_COMPATIBLE_API_KEY");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private PackagedApp(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "packaged-app-output");
        reader.setDaemon(true);
        reader.start();
    }

    static PackagedApp start(String... systemProperties) throws IOException {
        return start(Map.of(), systemProperties);
    }

    /** With these environment variables on top of the cleaned environment, as a container would set them. */
    static PackagedApp start(Map<String, String> environment, String... systemProperties) throws IOException {
        List<String> properties = new ArrayList<>(List.of("-Dquarkus.http.port=0", "-Dquarkus.http.host=127.0.0.1"));
        for (String property : systemProperties) {
            properties.add("-D" + property);
        }
        String nativeImage = System.getProperty("native.image.path", "");
        List<String> command = new ArrayList<>();
        if (nativeImage.isBlank()) {
            Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException("package the application first: " + jar + " is missing");
            }
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(properties);
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.add(nativeImage);
            command.addAll(properties);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        KEY_VARIABLES.forEach(builder.environment()::remove);
        builder.environment().keySet().removeIf(name -> name.startsWith("SWITCHBOARD_") || name.startsWith("QUARKUS_"));
        builder.environment().putAll(environment);
        return new PackagedApp(builder.start());
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    port.complete(Integer.parseInt(listening.group(1)));
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** The base URL once the application listens. */
    String baseUrl() throws Exception {
        return "http://127.0.0.1:" + port.get(60, TimeUnit.SECONDS);
    }

    /** Waits for the process to end on its own and returns its exit code. */
    int exitCode() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the application did not exit:\n" + output);
        }
        return process.exitValue();
    }

    String output() {
        return output.toString();
    }

    /**
     * Sends SIGTERM, as Kubernetes does to stop a pod, and returns at once. Through the process handle:
     * {@link Process#destroy()} would also close our end of its output, and we want to read what it says
     * while it shuts down.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    /** Whether the process has ended within the given time. */
    boolean endsWithin(Duration wait) throws InterruptedException {
        return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
