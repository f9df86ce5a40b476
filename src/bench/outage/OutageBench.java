import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * F15 in real time, with Switchboard's default health settings: a primary OpenAI route and an
 * OpenAI-compatible fallback, both emulated on loopback, steady traffic at a fixed rate, and a
 * total outage of the primary (completions and its model list both answer 503) for a while. It
 * counts the calls the dead primary received during the outage (the wasted attempts), the requests
 * the caller saw fail, the primary's probe calls, and how long after the recovery traffic returned.
 *
 * <p>Usage: {@code java OutageBench.java [outage seconds] [requests per second] [seconds before] [seconds after]}
 * (defaults 60, 1, 10, 30). Run through {@code run.sh}, which builds the jar first.
 */
public class OutageBench {

    static final String ANSWER = """
            {"id":"chatcmpl-bench","object":"chat.completion","created":1754988301,"model":"%s",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Hi"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}""";
    static final String DOWN = """
            {"error":{"message":"The server is overloaded","type":"server_error","param":null,"code":null}}""";
    static final String MODELS = """
            {"object":"list","data":[{"id":"%s","object":"model","created":1686935002,"owned_by":"bench"}]}""";
    static final String BODY = "{\"model\":\"primary\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}]}";

    /** The outage, in System.nanoTime() terms; set once the traffic starts. */
    static volatile long outageFrom = Long.MAX_VALUE;
    static volatile long outageUntil = Long.MAX_VALUE;

    static boolean primaryDown() {
        long now = System.nanoTime();
        return now >= outageFrom && now < outageUntil;
    }

    static final AtomicInteger wasted = new AtomicInteger();
    static final AtomicInteger primaryProbesDuringOutage = new AtomicInteger();
    static final AtomicInteger primaryCalls = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        int outageSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        double rps = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        int beforeSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int afterSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;

        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/primary/v1/chat/completions", exchange -> {
            primaryCalls.incrementAndGet();
            if (primaryDown()) {
                wasted.incrementAndGet();
                reply(exchange, 503, DOWN);
            } else {
                reply(exchange, 200, ANSWER.formatted("gpt-4o"));
            }
        });
        upstream.createContext("/primary/v1/models", exchange -> {
            if (primaryDown()) {
                primaryProbesDuringOutage.incrementAndGet();
                reply(exchange, 503, DOWN);
            } else {
                reply(exchange, 200, MODELS.formatted("gpt-4o"));
            }
        });
        upstream.createContext("/fallback/v1/chat/completions", exchange -> reply(exchange, 200, ANSWER.formatted("llama")));
        upstream.createContext("/fallback/v1/models", exchange -> reply(exchange, 200, MODELS.formatted("llama")));
        upstream.setExecutor(Executors.newFixedThreadPool(4));
        upstream.start();
        String base = "http://127.0.0.1:" + upstream.getAddress().getPort();

        Process gateway = startGateway(base);
        try {
            int port = awaitPort(gateway);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String url = "http://127.0.0.1:" + port + "/v1/chat/completions";
            long periodNanos = (long) (1e9 / rps);
            long outageStart = beforeSeconds * 1_000_000_000L;
            long outageEnd = outageStart + outageSeconds * 1_000_000_000L;
            long end = outageEnd + afterSeconds * 1_000_000_000L;

            List<long[]> failed = new ArrayList<>();
            int sent = 0;
            int servedByFallbackDuringOutage = 0;
            int requestsDuringOutage = 0;
            long firstBackAfterRecovery = -1;
            long start = System.nanoTime();
            outageFrom = start + outageStart;
            outageUntil = start + outageEnd;
            for (long due = 0; due <= end; due += periodNanos) {
                long wait = due - (System.nanoTime() - start);
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                long at = System.nanoTime() - start;
                boolean down = at >= outageStart && at < outageEnd;
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(40))
                        .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
                sent++;
                String route = response.headers().firstValue("x-switchboard-route").orElse("-");
                if (response.statusCode() != 200) {
                    failed.add(new long[] { at / 1_000_000, response.statusCode() });
                }
                if (down) {
                    requestsDuringOutage++;
                    if (route.equals("fallback")) {
                        servedByFallbackDuringOutage++;
                    }
                }
                if (at >= outageEnd && firstBackAfterRecovery < 0 && route.equals("primary")) {
                    firstBackAfterRecovery = (at - outageEnd) / 1_000_000;
                }
            }

            System.out.printf("outage %d s at %.1f requests/s (%d s before, %d s after), default health settings%n",
                    outageSeconds, rps, beforeSeconds, afterSeconds);
            System.out.printf("requests sent: %d, failed as seen by the caller: %d %s%n", sent, failed.size(),
                    failed.stream().map(f -> f[0] + "ms:" + f[1]).toList());
            System.out.printf("requests during the outage: %d, answered by the fallback: %d%n", requestsDuringOutage,
                    servedByFallbackDuringOutage);
            System.out.printf("wasted attempts (completion calls the dead primary received): %d%n", wasted.get());
            System.out.printf("probe calls the dead primary received (GET /models, unbilled): %d%n",
                    primaryProbesDuringOutage.get());
            System.out.printf("traffic back on the primary: %s after it recovered%n",
                    firstBackAfterRecovery < 0 ? "never" : firstBackAfterRecovery + " ms");
        } finally {
            gateway.destroy();
            upstream.stop(0);
        }
        System.exit(0);
    }

    static void reply(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static Process startGateway(String upstream) throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java,
                "-Dquarkus.http.port=0",
                "-Dquarkus.rest-client.openai.url=" + upstream + "/primary/v1",
                "-Dquarkus.rest-client.openai-compatible.url=" + upstream + "/fallback/v1",
                "-Dswitchboard.providers.openai.api-key=bench-key",
                "-Dswitchboard.routes.primary.provider=openai",
                "-Dswitchboard.routes.primary.model=gpt-4o",
                "-Dswitchboard.routes.fallback.provider=openai-compatible",
                "-Dswitchboard.routes.fallback.model=llama",
                "-Dswitchboard.chain=primary,fallback",
                "-Dquarkus.log.level=WARN",
                "-Dquarkus.log.category.\"io.quarkus\".level=INFO",
                "-jar", jar.toString()).redirectErrorStream(true);
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
            System.err.println(line);
        }
        throw new IllegalStateException("the gateway stopped before listening");
    }
}
