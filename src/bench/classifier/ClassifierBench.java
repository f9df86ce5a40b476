import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.Role;
import dev.switchboard.complexity.ComplexityClassifier;
import dev.switchboard.complexity.KeywordClassifier;
import dev.switchboard.complexity.LearnedClassifier;

/**
 * Time per {@code classify()} call of the learned classifier (the seed's keyword heuristic alongside,
 * for scale), on requests shaped like real traffic: a short chat question, a multi-turn chat with a
 * system prompt, a long code-debugging prompt, a competition maths question and a 200 KB paste (which
 * the feature scan caps). Each case is warmed up, then every call is timed on its own with
 * {@code System.nanoTime()}; the table gives the mean and the 99th percentile in microseconds. Run:
 * {@code src/bench/classifier/bench.sh [warm-up calls] [measured calls]} (it compiles the gateway first).
 */
public class ClassifierBench {

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        LearnedClassifier learned = LearnedClassifier.fromResource();
        KeywordClassifier keywords = new KeywordClassifier();
        List<Case> cases = cases();
        long sink = 0;
        System.out.printf(Locale.ROOT, "%d warm-up and %d measured calls per case; Java %s, %d cores%n%n", warmup,
                measured, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.println("| request | characters | learned mean (µs) | learned p99 (µs) | keywords mean (µs) | keywords p99 (µs) |");
        System.out.println("|---|---|---|---|---|---|");
        for (Case c : cases) {
            sink += time(learned, c.request, warmup).length;
            sink += time(keywords, c.request, warmup).length;
            long[] learnedTimes = time(learned, c.request, measured);
            long[] keywordTimes = time(keywords, c.request, measured);
            System.out.printf(Locale.ROOT, "| %s | %,d | %.2f | %.2f | %.2f | %.2f |%n", c.name, c.chars(),
                    mean(learnedTimes), p99(learnedTimes), mean(keywordTimes), p99(keywordTimes));
        }
        System.out.println();
        System.out.println("(checksum " + (sink + blackhole) + ")");
    }

    static long blackhole;

    static long[] time(ComplexityClassifier classifier, ChatRequest request, int calls) {
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            blackhole += classifier.classify(request).ordinal();
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1000;
    }

    static double p99(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1000.0;
    }

    record Case(String name, ChatRequest request) {
        long chars() {
            return request.messages().stream().mapToLong(m -> m.text().length()).sum();
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("short chat question", user("What is Python?")));
        cases.add(new Case("multi-turn chat, system prompt", ChatRequest.of(List.of(
                ChatMessage.of(Role.SYSTEM, "You are a helpful assistant for a travel agency. Answer politely and"
                        + " suggest at most three options."),
                ChatMessage.of(Role.USER, "I want to visit Portugal in May for a week. Where should I go?"),
                ChatMessage.of(Role.ASSISTANT, "Lisbon for the city and food, the Algarve for beaches, and Porto"
                        + " with a day in the Douro valley for wine. Would you like an itinerary?"),
                ChatMessage.of(Role.USER, "Yes, compare Lisbon and Porto for a first trip and explain why you"
                        + " would pick one, with a rough budget per day.")))));
        StringBuilder code = new StringBuilder("Debug this recursive function and explain why it stack overflows"
                + " on large inputs. Suggest a fix.\n\n```java\n");
        int line = 0;
        while (code.length() < 8_000) {
            code.append("    static long walk").append(line).append("(Node node, Map<Node, Long> seen) {\n")
                    .append("        if (node == null) { return 0; }\n")
                    .append("        long total = node.value + walk").append(line).append("(node.next, seen);\n")
                    .append("        seen.put(node, total); // memo ").append(line++).append('\n')
                    .append("        return total;\n    }\n");
        }
        code.append("```\n\nThe stack trace ends with java.lang.StackOverflowError at walk0. Why?");
        cases.add(new Case("long code prompt (8 KB)", user(code.toString())));
        cases.add(new Case("maths question (LaTeX)", user("Let $f(x) = \\frac{x^2 - 5x + 6}{x - 2}$ for $x \\neq 2$."
                + " Find all real numbers $c$ such that $\\lim_{x \\to c} f(x) = 2c - 1$, and prove that your list"
                + " is complete. Express your answer as a common fraction where needed.")));
        StringBuilder paste = new StringBuilder("Summarize the following log in three bullet points:\n\n");
        while (paste.length() < 200_000) {
            paste.append("2026-11-25T03:56:32.123Z INFO  [dev.switchboard.routing.Router] request ")
                    .append(paste.length()).append(" routed to gpt-4o in 812 ms (attempts=1)\n");
        }
        cases.add(new Case("log paste (200 KB)", user(paste.toString())));
        return cases;
    }

    static ChatRequest user(String text) {
        return ChatRequest.of(List.of(ChatMessage.of(Role.USER, text)));
    }
}
