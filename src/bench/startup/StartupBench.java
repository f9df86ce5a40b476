import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Start-up of the packaged gateway: from launching the process to its first successful answer, a
 * chat completion (200) from a simulated provider, which needs the HTTP server, routing, the REST
 * client and the simulator all up; then its resident memory (VmRSS, and the peak VmHWM, from
 * /proc/PID/status). Each variant is started N times on a free port and killed after the answer;
 * the table gives medians.
 *
 * <p>Arguments: runs, then variants as {@code name=command line}, e.g.
 * {@code "JDK 17=/usr/lib/jvm/java-17-openjdk-amd64/bin/java -jar target/quarkus-app/quarkus-run.jar"}.
 * The port and {@code -Dquarkus.http.host=127.0.0.1} are added (before {@code -jar}, or after a native
 * executable). Run it through {@code src/bench/startup/run.sh}, which builds what it measures.
 */
public class StartupBench {

    static final String ASK = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
    static final Duration GIVE_UP = Duration.ofSeconds(60);

    record Run(double millis, double rssMb, double peakMb) {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        System.out.printf("%d runs per variant; medians; first answer = a simulated chat completion, 200%n%n", runs);
        System.out.println("| variant | ms to first answer | RSS after it (MB) | peak RSS (MB) |");
        System.out.println("|---|---|---|---|");
        for (int i = 1; i < args.length; i++) {
            String name = args[i].substring(0, args[i].indexOf('='));
            List<String> command = List.of(args[i].substring(args[i].indexOf('=') + 1).trim().split("\\s+"));
            List<Run> measured = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                measured.add(once(http, command));
            }
            System.out.printf("| %s | %.0f | %.0f | %.0f |%n", name, median(measured, Run::millis),
                    median(measured, Run::rssMb), median(measured, Run::peakMb));
        }
    }

    static Run once(HttpClient http, List<String> command) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> launch = new ArrayList<>(command);
        int at = launch.contains("-jar") ? launch.indexOf("-jar") : launch.size();
        launch.addAll(at, List.of("-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1"));
        ProcessBuilder builder = new ProcessBuilder(launch).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(k -> k.endsWith("_API_KEY") || k.startsWith("SWITCHBOARD_") || k.startsWith("QUARKUS_"));
        HttpRequest ask = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ASK)).build();
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("exited with " + process.exitValue() + ": " + launch);
                }
                if (System.nanoTime() - start > GIVE_UP.toNanos()) {
                    throw new IllegalStateException("no answer within " + GIVE_UP + ": " + launch);
                }
                try {
                    if (http.send(ask, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notListeningYet) {
                    // refused until the server listens
                }
                Thread.sleep(2);
            }
            double millis = (System.nanoTime() - start) / 1e6;
            return new Run(millis, status(process.pid(), "VmRSS"), status(process.pid(), "VmHWM"));
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    /** A memory figure of /proc/PID/status, in MB. */
    static double status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException(field + " not in /proc/" + pid + "/status");
    }

    static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> figure) {
        List<Double> values = new ArrayList<>(runs.stream().map(figure::applyAsDouble).toList());
        Collections.sort(values);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }
}
