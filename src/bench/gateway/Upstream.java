import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import io.netty.channel.ChannelOption;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * The benchmark's emulated provider: a fast, minimal OpenAI-compatible server (Vert.x, canned bodies,
 * no think time), so that what the benchmark sees is the cost of what stands between it and the caller.
 *
 * <p>{@code POST /v1/chat/completions} answers a Chat Completions JSON body, or, when the request asks
 * for {@code "stream":true}, an SSE stream in OpenAI's chunk format (role chunk, three content chunks,
 * the finish chunk, a usage chunk, {@code [DONE]}), written at once. {@code GET /v1/models} answers a
 * model list (the gateway's probes).
 *
 * <p>It prints {@code listening <port>} once it listens. Faults are switched by lines on standard input:
 * {@code ok}, {@code error} (500 with an OpenAI error body), {@code reset} (the connection is reset, no
 * response), {@code hang} (no response at all), {@code down} (the port is closed: connections are
 * refused) and {@code up} (listen again on the same port).
 *
 * <p>Run: {@code java -cp 'target/quarkus-app/lib/main/*' src/bench/gateway/Upstream.java [port]}.
 */
public class Upstream {

    static final Buffer COMPLETION = Buffer.buffer("""
            {"id":"chatcmpl-bench","object":"chat.completion","created":1732500000,"model":"gpt-4o-mini-2024-07-18",\
            "choices":[{"index":0,"message":{"role":"assistant","content":"The benchmark answer is forty-two.",\
            "refusal":null},"logprobs":null,"finish_reason":"stop"}],\
            "usage":{"prompt_tokens":12,"completion_tokens":8,"total_tokens":20},\
            "system_fingerprint":"fp_bench"}""");
    static final Buffer STREAM = Buffer.buffer(chunks());
    static final Buffer MODELS = Buffer.buffer("""
            {"object":"list","data":[{"id":"gpt-4o-mini","object":"model","created":1721172741,"owned_by":"system"}]}""");
    static final Buffer ERROR = Buffer.buffer("""
            {"error":{"message":"The server had an error while processing your request.","type":"server_error",\
            "param":null,"code":null}}""");

    static volatile String mode = "ok";

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        HttpServer server = listen(vertx, port);
        port = server.actualPort();
        System.out.println("listening " + port);
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            String command = line.trim();
            switch (command) {
                case "down" -> {
                    mode = "ok";
                    if (server != null) {
                        server.close().toCompletionStage().toCompletableFuture().get();
                        server = null;
                    }
                }
                case "up" -> {
                    mode = "ok";
                    if (server == null) {
                        server = listen(vertx, port);
                    }
                }
                case "ok", "error", "reset", "hang" -> mode = command;
                default -> System.err.println("unknown command: " + command);
            }
            System.out.println("mode " + command);
            System.out.flush();
        }
        vertx.close();
    }

    static HttpServer listen(Vertx vertx, int port) throws Exception {
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(port).setTcpNoDelay(true);
        CompletableFuture<HttpServer> started = vertx.createHttpServer(options).requestHandler(Upstream::handle)
                .listen().toCompletionStage().toCompletableFuture();
        return started.get();
    }

    static void handle(HttpServerRequest request) {
        switch (mode) {
            case "reset" -> {
                // SO_LINGER 0: the close resets the connection instead of ending it politely.
                ((ConnectionBase) request.connection()).channel().config().setOption(ChannelOption.SO_LINGER, 0);
                request.connection().close();
                return;
            }
            case "hang" -> {
                return;
            }
            default -> {
            }
        }
        if (request.path().endsWith("/models")) {
            request.response().putHeader("content-type", "application/json").end(MODELS);
            return;
        }
        request.body().onSuccess(body -> {
            if (mode.equals("error")) {
                request.response().setStatusCode(500).putHeader("content-type", "application/json").end(ERROR);
            } else if (asksForStream(body)) {
                request.response().putHeader("content-type", "text/event-stream; charset=utf-8")
                        .putHeader("cache-control", "no-cache").end(STREAM);
            } else {
                request.response().putHeader("content-type", "application/json").end(COMPLETION);
            }
        });
    }

    static boolean asksForStream(Buffer body) {
        String text = body.toString(StandardCharsets.UTF_8);
        int at = text.indexOf("\"stream\"");
        return at >= 0 && text.indexOf("true", at) >= 0 && text.indexOf("true", at) < at + 16;
    }

    static String chunks() {
        String head = "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1732500000,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_bench\",\"choices\":[";
        StringBuilder sse = new StringBuilder();
        sse.append(head).append("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,"
                + "\"finish_reason\":null}]}\n\n");
        for (String word : new String[] { "The benchmark", " answer is", " forty-two." }) {
            sse.append(head).append("{\"index\":0,\"delta\":{\"content\":\"").append(word)
                    .append("\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n");
        }
        sse.append(head).append("{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}\n\n");
        sse.append(head).append("],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":8,\"total_tokens\":20}}\n\n");
        sse.append("data: [DONE]\n\n");
        return sse.toString();
    }
}
