package dev.switchboard.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderPolicy;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.routing.Tier;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;

/** Everything under {@code switchboard.}; {@link ConfigCheck} validates it at start-up. */
@ConfigMapping(prefix = "switchboard")
public interface SwitchboardConfig {

    /** Route names tried in this order when a request names no chain of its own. */
    List<String> chain();

    /** Named routes: which provider and upstream model serve a route name, at what price. */
    Map<String, Route> routes();

    /**
     * Embedding routes, kept apart from chat routes: {@code POST /v1/embeddings} names one. A route
     * fails over only to routes of the same model and dimensions (see {@link ConfigCheck}).
     */
    Map<String, EmbeddingRoute> embeddingRoutes();

    /** Per-provider settings keyed by provider name (openai, anthropic, gemini, openai-compatible). */
    @WithDefaults
    Map<String, Provider> providers();

    Routing routing();

    Health health();

    Auto auto();

    Probes probes();

    Auth auth();

    Limits limits();

    Budgets budgets();

    Degraded degraded();

    interface Route {
        /**
         * The provider instance serving this route: a name under {@code switchboard.providers}, e.g. openai.
         * Required unless the route names {@link #deployments}.
         */
        Optional<String> provider();

        /**
         * The deployments that serve this route instead of one provider: each an instance and its upstream
         * model, with a weight. Traffic is spread over the available ones by {@link #balance}; a failed
         * attempt moves to the route's other deployments before the chain moves on.
         */
        Map<String, Deployment> deployments();

        /** How a balanced route picks its first deployment: by weight, or by the lowest observed latency. */
        @WithDefault("weighted")
        Balance balance();

        /** The model name the provider knows, e.g. {@code claude-sonnet-4-5}. */
        String model();

        /**
         * Other names a request's {@code model} may call this route by, such as the dated model ids
         * Claude Code and the Anthropic SDKs send ({@code claude-sonnet-4-5-20250929}). An alias is
         * the route: same chain, prices and health.
         */
        Optional<List<String>> aliases();

        /** USD per million input tokens. */
        @WithDefault("0")
        BigDecimal inputPrice();

        /** USD per million output tokens. */
        @WithDefault("0")
        BigDecimal outputPrice();

        /** USD per million cached input tokens, where the provider discounts them. */
        Optional<BigDecimal> cachedInputPrice();

        /**
         * USD per million input tokens written to the prompt cache, where the provider charges extra for
         * them (Anthropic: 1.25 times the input price); unset, they cost the input price.
         */
        Optional<BigDecimal> cacheWritePrice();

        /**
         * Prompt-cache breakpoints to set on every request (Anthropic's {@code cache_control}), besides
         * those the caller sets: {@code system} after the system prompt, {@code tools} after the last
         * tool definition. Other providers cache on their own and ignore it.
         */
        Optional<List<CacheBreakpoint>> autoCache();

        /**
         * The model's context window in tokens; a context overflow only moves to larger ones. Defaults to
         * its provider instance's {@code context-window}.
         */
        Optional<Integer> contextWindow();

        /** The complexity tier this route serves best. */
        Optional<Tier> tier();

        /** A per-attempt limit shorter than the provider's {@code @Timeout}, for a slow model. */
        Optional<Duration> timeout();

        /** This route's own fallback chain, replacing the default chain after it. */
        Optional<List<String>> fallbacks();

        /** The route to try when a conversation overflows this route's context window. */
        Optional<String> contextFallback();

        /** Output tokens to ask for when the caller sets no limit and the provider needs one. */
        Optional<Integer> maxOutputTokens();

        /** This route's time-to-first-token limit for streams, in place of the routing default. */
        Optional<Duration> firstTokenTimeout();

        /** This route's limit on silence between stream events, in place of the routing default. */
        Optional<Duration> streamIdleTimeout();

        /**
         * Whether a stream broken after its first words may be finished on this route, continuing from
         * the words already sent. Defaults to on for Anthropic (assistant prefill), off for
         * OpenAI-compatible servers (only vLLM-style {@code continue_final_message} servers can);
         * OpenAI and Gemini cannot.
         */
        Optional<Boolean> continuation();

        /**
         * Whether the route's model takes images. A request with an image skips a route that does not,
         * without calling it, as it skips one that cannot honour a parameter. Defaults to its provider
         * instance's {@code vision}.
         */
        Optional<Boolean> vision();

        /**
         * The degraded-mode category of requests for this route (one of
         * {@code switchboard.degraded.messages}), when the request's {@code x-switchboard-category}
         * header names none: which static message they get when every route fails.
         */
        Optional<String> category();
    }

    /** One deployment of a balanced route: see {@link Route#deployments}. */
    interface Deployment {
        /** The provider instance, a name under {@code switchboard.providers}. */
        String provider();

        /** Its upstream model (an Azure deployment name, say); defaults to the route's model. */
        Optional<String> model();

        /** Its share of the route's traffic, relative to the other deployments' weights. */
        @WithDefault("1")
        int weight();
    }

    /** See {@link Route#balance}. */
    enum Balance {
        /** Smooth weighted round robin over the available deployments: exact shares, evenly interleaved. */
        WEIGHTED,
        /** The available deployment with the lowest average latency observed (unmeasured ones first). */
        LATENCY
    }

    interface EmbeddingRoute {
        /** The provider instance serving this route, of type openai, gemini or openai-compatible (Anthropic has no embeddings API). */
        String provider();

        /** The embedding model the provider knows, e.g. {@code text-embedding-3-small}. */
        String model();

        /** The length of every vector the route returns: with the model, the vector space its answers are in. */
        int dimensions();

        /** USD per million input tokens. */
        @WithDefault("0")
        BigDecimal inputPrice();

        /** Other embedding routes to try, in order, when this one fails; each of the same model and dimensions. */
        Optional<List<String>> fallbacks();

        /** A per-attempt limit shorter than the provider's {@code @Timeout}. */
        Optional<Duration> timeout();

        /**
         * Whether the route's dimensions are sent upstream (OpenAI's {@code dimensions}, Gemini's
         * {@code outputDimensionality}). Defaults to on for openai and gemini, off for openai-compatible
         * servers (most models there have one fixed size and refuse the parameter). Either way, an answer
         * whose vectors are not of the route's dimensions is a malformed answer.
         */
        Optional<Boolean> requestDimensions();
    }

    /** Where a route sets a prompt-cache breakpoint by itself. */
    enum CacheBreakpoint {
        SYSTEM, TOOLS
    }

    interface Provider {
        /**
         * The API the instance speaks: openai, anthropic, gemini, openai-compatible, azure-openai or vertex-ai. Optional only
         * for the four built-in instances, whose name is their type.
         */
        Optional<String> type();

        /**
         * The API base URL (with {@code /v1} for the OpenAI formats). Defaults to the type's public
         * URL; required for openai-compatible instances other than the built-in one, and for azure-openai
         * instances (the resource's URL, {@code https://<resource>.openai.azure.com}). The built-in
         * instances also read {@code quarkus.rest-client.<name>.url}.
         */
        Optional<String> url();

        /** The provider's API key; unset means a built-in instance is simulated (unless its URL is set). */
        Optional<String> apiKey();

        /**
         * The environment variable holding the key, for instances beyond the built-in four: start-up
         * fails, naming this key, when the variable is not set.
         */
        Optional<String> apiKeyEnv();

        /**
         * Serve this instance from the built-in simulator even though it is configured: for trying a
         * configuration out. Built-in instances without a key or URL are simulated anyway.
         */
        @WithDefault("false")
        boolean simulated();

        /** Whether models on this instance take images; the default for its routes' {@code vision}. */
        @WithDefault("true")
        boolean vision();

        /** The context window of this instance's models, in tokens: the default for its routes' {@code context-window}. */
        @WithDefault("128000")
        int contextWindow();

        /** Whether models on this instance take tools; requests with tools skip it when false. */
        @WithDefault("true")
        boolean tools();

        /**
         * Whether the server can continue a partial answer (a broken stream's recovery): true lets its
         * routes continue by default, false forbids it. Unset: Anthropic continues, OpenAI-compatible
         * servers may when a route opts in, OpenAI and Gemini cannot.
         */
        Optional<Boolean> continuation();

        /** False removes the provider: routes on it fail start-up, requests naming it get a 400. */
        @WithDefault("true")
        boolean enabled();

        /**
         * The API version the instance asks for: Anthropic's {@code anthropic-version} header, Azure
         * OpenAI's {@code api-version} query parameter. One key for both, because it is one idea (which
         * revision of its API an instance speaks); unset, each type has its own default
         * ({@link ProviderType#defaultApiVersion}), so Anthropic's stays
         * 2023-06-01 while Azure's is its GA version. Read it through {@link #apiVersion(ProviderType)}.
         */
        Optional<String> apiVersion();

        /** The instance's API version: its own {@code api-version}, else its type's default. */
        default String apiVersion(ProviderType type) {
            return apiVersion().filter(version -> !version.isBlank()).or(type::defaultApiVersion)
                    .orElseThrow(() -> new IllegalStateException("the " + type + " API has no version to send"));
        }

        /** The output limit sent when the caller sets none and the provider requires one (Anthropic). */
        @WithDefault("4096")
        int defaultMaxTokens();

        /** Vertex AI: the Google Cloud project the instance calls Gemini in (required for a vertex-ai instance). */
        Optional<String> project();

        /**
         * Vertex AI: the region, such as {@code europe-west4}, or {@code global}; it names the host
         * ({@code <location>-aiplatform.googleapis.com}, {@code aiplatform.googleapis.com} for global)
         * unless {@code url} is set. Required for a vertex-ai instance.
         */
        Optional<String> location();

        /**
         * Vertex AI: where access tokens come from. {@code metadata}: the GCE/GKE metadata server
         * (workload identity, the attached service account); {@code service-account}: a key file,
         * {@code service-account-file}. Unset: service-account when a file is named, else metadata.
         */
        Optional<String> credentials();

        /** Vertex AI: the service-account JSON key file, read once at start-up (start-up fails when it cannot be). */
        Optional<String> serviceAccountFile();

        /** The client's {@code @Timeout} per call, in ms: the failure table's ~10 s (see {@link ProviderPolicy}). */
        @WithDefault("" + ProviderPolicy.TIMEOUT_MS)
        long timeoutMs();

        /** The client's {@code @CircuitBreaker} settings. */
        Breaker breaker();

        /**
         * Whether this provider gets the scheduled health probe (its model list). Off for servers
         * without a model-list endpoint, or where even that call should not be made.
         */
        @WithDefault("true")
        boolean probe();
    }

    /** See {@link ProviderPolicy} for why each default. */
    interface Breaker {
        /** Calls the breaker judges (request-volume-threshold). */
        @WithDefault("" + ProviderPolicy.BREAKER_WINDOW)
        int window();

        /** Share of those calls that must have failed to open it. */
        @WithDefault("" + ProviderPolicy.BREAKER_FAILURE_RATIO)
        double failureRatio();

        /** How long it stays open before letting one probe through, in ms. */
        @WithDefault("" + ProviderPolicy.BREAKER_DELAY_MS)
        long delayMs();

        /** Successful probes needed to close it again. */
        @WithDefault("" + ProviderPolicy.BREAKER_SUCCESS_THRESHOLD)
        int successThreshold();
    }

    interface Routing {
        /** The whole request's time budget, retries and failovers included. Callers may only shorten it. */
        @WithDefault("30s")
        Duration deadline();

        /** Base backoff before retrying a route after a 5xx or a refused connection; jittered to 50-100%. */
        @WithDefault("250ms")
        Duration retryBackoff();

        /** Base backoff before retrying a route that answered 429 without Retry-After; jittered to 50-100%. */
        @WithDefault("1s")
        Duration rateLimitBackoff();

        /** The longest Retry-After the router waits out on the last route rather than giving up. */
        @WithDefault("5s")
        Duration maxRetryAfterWait();

        /** Upstream calls one request may make in total, across all routes. */
        @WithDefault("6")
        int maxAttempts();

        /** Whether a content-policy refusal may move to the next route (default: return it to the caller). */
        @WithDefault("false")
        boolean failoverOnContentFilter();

        /**
         * How long a stream may take to produce its first words before the route is abandoned for the
         * next one (the failure table's F7). Counted from the request to the provider, within the deadline.
         */
        @WithDefault("10s")
        Duration firstTokenTimeout();

        /** How long a started stream may stay silent before it counts as stalled (F9). */
        @WithDefault("10s")
        Duration streamIdleTimeout();

        /**
         * How available routes are ordered: {@code priority} keeps the chain's configured order;
         * {@code latency} orders the routes of each tier by their observed average latency (time to
         * first token for streams), fastest first, each tier keeping its places in the chain.
         */
        @WithDefault("priority")
        RouteOrder order();
    }

    /** How the router orders the available routes of a chain. */
    enum RouteOrder {
        PRIORITY, LATENCY
    }

    /** Cost-aware routing for {@code model: "auto"}. */
    interface Auto {
        /**
         * Which complexity classifier decides the tier: {@code learned}, the logistic regression trained
         * offline and shipped as a resource (see src/bench/classifier/RESULTS.md for how it compares), or
         * {@code keywords}, the seed's phrase lists.
         */
        @WithDefault("learned")
        ClassifierPolicy classifier();

        /**
         * The route each tier ({@code simple}, {@code moderate}, {@code complex}) goes to; a tier not
         * named here goes to its cheapest route (the routes' {@code tier} and prices).
         */
        Map<String, String> tiers();

        /** Whether a fallback may move an auto request to a more expensive tier than the one chosen. */
        @WithDefault("false")
        boolean allowUpgrade();
    }

    /** Passive health per route; the defaults are the seed's figures. */
    interface Health {
        /** Errors (after decay) that take a route out: its circuit opens and it cools down. */
        @WithDefault("3")
        int failureThreshold();

        /** How long a route whose circuit opened stays out before one trial request is let through. */
        @WithDefault("60s")
        Duration cooldown();

        /** Errors forgiven by each success. */
        @WithDefault("1")
        int errorDecay();

        /** Recent latencies kept per route for the average and p95. */
        @WithDefault("100")
        int latencyWindow();
    }

    /** Active health checks: a cheap, unbilled call (the provider's model list) on a schedule. */
    interface Probes {
        @WithDefault("true")
        boolean enabled();

        /** Between probes of a provider that is up. */
        @WithDefault("30s")
        Duration interval();

        /** Between probes of a provider that is down or has a route out, so its return is noticed soon. */
        @WithDefault("5s")
        Duration recoveryInterval();

        /** How long one probe may take. */
        @WithDefault("5s")
        Duration timeout();

        /** Consecutive failed probes that mark a provider down. */
        @WithDefault("2")
        int failureThreshold();
    }

    interface Auth {
        /** Gateway keys callers must present as a Bearer token; unset leaves the gateway open. */
        Optional<List<String>> apiKeys();

        /** The key the {@code /admin} endpoints require as a Bearer token; unset leaves them open. */
        Optional<String> adminKey();
    }

    /**
     * Daily spend limits, in USD at the routes' configured prices, per UTC day. Spend is counted after
     * each billed call; a request is checked before any provider call, so one that starts under a
     * budget may finish a little over it, and the next is the one refused or downgraded.
     */
    interface Budgets {
        /** What each caller (gateway key; {@code anonymous} on an open gateway) may spend per UTC day. */
        Optional<BigDecimal> perCallerDailyUsd();

        /** What all callers together may spend per UTC day. */
        Optional<BigDecimal> globalDailyUsd();

        /**
         * What a request gets once a budget is spent: {@code reject} (429, {@code budget_exceeded}, with
         * Retry-After to the next UTC midnight) or {@code downgrade} (served by the cheapest tier's route).
         */
        @WithDefault("reject")
        OnExceeded onExceeded();

        /**
         * With {@code downgrade}: whether requests that name a route are moved to the cheapest tier too.
         * Off, only {@code model: "auto"} requests are; a request naming a route is served as asked.
         */
        @WithDefault("false")
        boolean downgradeNamedRoutes();
    }

    /** What happens to requests once a daily budget is spent. */
    enum OnExceeded {
        REJECT, DOWNGRADE
    }

    /** The complexity classifiers an operator can choose for {@code model: "auto"}. */
    enum ClassifierPolicy {
        LEARNED, KEYWORDS
    }

    /**
     * Degraded mode (row F19 of the failure table): when every route has failed or is out, a request
     * is answered from the last known good answer to the same request, or else with its category's
     * static message, marked as degraded, instead of an error.
     */
    interface Degraded {
        /** Off, a request no route answers gets the routing error, as without degraded mode. */
        @WithDefault("true")
        boolean enabled();

        /** The category of requests whose header and route name none. */
        @WithDefault("general")
        String defaultCategory();

        /**
         * Static messages by category, in addition to (or replacing) the built-in {@code general},
         * {@code search} and {@code support}; e.g. {@code switchboard.degraded.messages.billing=...}.
         */
        Map<String, String> messages();

        LastKnownGood cache();
    }

    /** The store of successful answers degraded mode answers from. */
    interface LastKnownGood {
        /** Off, nothing is stored and every degraded answer is a static message. */
        @WithDefault("true")
        boolean enabled();

        /** Answers kept at most; the least likely to be asked again go first. */
        @WithDefault("1000")
        int maxEntries();

        /** How long an answer is kept after it was given. */
        @WithDefault("1h")
        Duration ttl();
    }

    interface Limits {
        /** The largest request body accepted; larger ones get a 413. */
        @WithDefault("4M")
        MemorySize maxBodySize();

        /**
         * The largest inline ({@code data:} URL) image accepted, decoded; a larger one is a 400 naming
         * it. 5 MiB is Anthropic's limit per image, the strictest of the providers. Images that large
         * also need a larger {@link #maxBodySize()}.
         */
        @WithDefault("5M")
        MemorySize maxImageSize();
    }
}
