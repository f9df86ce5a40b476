import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * Time to first token added by Switchboard. An OpenAI-format upstream on loopback sends its role
 * chunk at once and its first word after a fixed delay; the same streamed request is timed from
 * send to the first content event, straight to the upstream and through the packaged gateway, then
 * the percentiles are compared. Run: {@code src/bench/ttft/run.sh} (it builds the jar first).
 */
public class TtftBench {

    static final int FIRST_TOKEN_DELAY_MS = 100;
    static final String BODY = "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}]}";

    public static void main(String[] args) throws Exception {
        int warmup = Integer.parseInt(arg(args, 0, "300"));
        int measured = Integer.parseInt(arg(args, 1, "1000"));
        int concurrency = Integer.parseInt(arg(args, 2, "8"));
        HttpServer upstream = upstream();
        String upstreamUrl = "http://localhost:" + upstream.getAddress().getPort() + "/v1";
        Process gateway = startGateway(upstreamUrl);
        try {
            String gatewayUrl = "http://localhost:" + awaitPort(gateway) + "/v1";
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            System.out.printf("upstream first-token delay %d ms; %d warm-up, %d measured requests per case%n",
                    FIRST_TOKEN_DELAY_MS, warmup, measured);
            for (int c : new int[] { 1, concurrency }) {
                run(http, upstreamUrl, warmup, c);
                run(http, gatewayUrl, warmup, c);
                List<Double> direct = run(http, upstreamUrl, measured, c);
                List<Double> through = run(http, gatewayUrl, measured, c);
                report(c, direct, through);
            }
        } finally {
            gateway.destroy();
            gateway.waitFor();
            upstream.stop(0);
        }
    }

    static String arg(String[] args, int i, String otherwise) {
        return args.length > i ? args[i] : otherwise;
    }

    /** OpenAI's wire format: role chunk now, first word after the delay, two more words, finish, usage, [DONE]. */
    static HttpServer upstream() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                send(out, chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
                sleep(FIRST_TOKEN_DELAY_MS);
                for (String word : new String[] { "Hello", " there", "!" }) {
                    send(out, chunk("{\"content\":\"" + word + "\"}", null));
                }
                send(out, chunk("{}", "\"stop\""));
                send(out, "data: {\"id\":\"chatcmpl-b\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                        + "\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3,\"total_tokens\":12}}\n\n");
                send(out, "data: [DONE]\n\n");
            }
        });
        server.start();
        return server;
    }

    static String chunk(String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-b\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]}\n\n";
    }

    static void send(OutputStream out, String event) throws IOException {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Process startGateway(String upstreamUrl) throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString()).redirectErrorStream(true);
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().put("QUARKUS_REST_CLIENT_OPENAI_URL", upstreamUrl);
        builder.environment().put("OPENAI_API_KEY", "bench-key");
        builder.environment().put("QUARKUS_LOG_LEVEL", "WARN");
        builder.environment().put("QUARKUS_LOG_CATEGORY__IO_QUARKUS__LEVEL", "INFO");
        return builder.start();
    }

    static int awaitPort(Process gateway) throws IOException {
        BufferedReader log = new BufferedReader(new InputStreamReader(gateway.getInputStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
        for (String line = log.readLine(); line != null; line = log.readLine()) {
            Matcher port = listening.matcher(line);
            if (port.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (log.readLine() != null) {
                            // keep the gateway's output flowing
                        }
                    } catch (IOException closed) {
                        // the gateway was stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(port.group(1));
            }
        }
        throw new IllegalStateException("the gateway stopped before listening");
    }

    /** Milliseconds from sending each request to its first content event, {@code concurrency} at a time. */
    static List<Double> run(HttpClient http, String baseUrl, int requests, int concurrency) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        List<Double> ttft = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            all.add(CompletableFuture.runAsync(() -> ttft.add(firstToken(http, baseUrl)), workers));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        workers.shutdown();
        return ttft;
    }

    static double firstToken(HttpClient http, String baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                double first = -1;
                for (String line = body.readLine(); line != null; line = body.readLine()) {
                    if (first < 0 && line.contains("\"content\":\"H")) {
                        first = (System.nanoTime() - start) / 1e6;
                    }
                }
                if (response.statusCode() != 200 || first < 0) {
                    throw new IllegalStateException("no content from " + baseUrl + ": HTTP " + response.statusCode());
                }
                return first;
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static void report(int concurrency, List<Double> direct, List<Double> through) {
        Collections.sort(direct);
        Collections.sort(through);
        System.out.printf("concurrency %d%n", concurrency);
        System.out.printf("  %-5s %10s %10s %10s%n", "", "direct ms", "gateway ms", "added ms");
        for (double p : new double[] { 0.50, 0.90, 0.99 }) {
            double d = percentile(direct, p);
            double g = percentile(through, p);
            System.out.printf("  p%-4d %10.2f %10.2f %10.2f%n", Math.round(p * 100), d, g, g - d);
        }
    }

    static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
