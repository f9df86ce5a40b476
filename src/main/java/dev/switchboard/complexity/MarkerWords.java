package dev.switchboard.complexity;

import java.util.List;
import java.util.Locale;

/**
 * The words and two-word phrases {@link ConversationFeatures} counts, by kind. A scan hashes each
 * lower-cased word as it goes and looks the word, and the pair it ends, up in one open-addressing
 * table of 64-bit hashes: no substring search per phrase, no allocation, one pass however many
 * phrases there are. A collision between two 64-bit FNV-1a hashes is not a practical concern for a
 * few hundred entries.
 */
final class MarkerWords {

    /** Kinds of marker, as bits so that a word may count for more than one. */
    static final int REASONING = 1;
    static final int SIMPLE_REQUEST = 1 << 1;
    static final int CODE_WORD = 1 << 2;
    static final int CODE_KEYWORD = 1 << 3;
    static final int MATH_WORD = 1 << 4;
    static final int SHORT_ANSWER = 1 << 5;
    static final int LONG_ANSWER = 1 << 6;

    /** Asking for an argument rather than a fact: why, proofs, comparisons, analyses. */
    static final List<String> REASONING_WORDS = List.of("why", "explain", "prove", "proof", "derive", "justify",
            "analyze", "analyse", "analysis", "compare", "contrast", "evaluate", "assess", "critique", "reason",
            "reasoning", "implications", "tradeoffs", "tradeoff", "step by", "trade offs", "trade off", "pros and",
            "think through", "what if");

    /** Asking for a fact, a definition or a transformation of given text. */
    static final List<String> SIMPLE_REQUEST_WORDS = List.of("translate", "define", "definition", "summarize",
            "summarise", "rephrase", "paraphrase", "spell", "synonym", "synonyms", "what is", "what are", "who is",
            "who was", "where is", "when did", "when was", "meaning of", "capital of");

    /** Talking about code: the request is a programming task. */
    static final List<String> CODE_WORDS = List.of("function", "functions", "program", "code", "script",
            "implement", "algorithm", "python", "java", "javascript", "typescript", "sql", "regex", "compile",
            "compiler", "debug", "bug", "api", "recursive", "recursion", "array", "string", "strings", "tuple",
            "tuples", "dictionary", "stack", "exception", "method", "variable", "loop");

    /** Keywords of common programming languages: the message contains code. */
    static final List<String> CODE_KEYWORDS = List.of("def", "return", "import", "class", "public", "private",
            "static", "void", "const", "let", "var", "elif", "lambda", "println", "printf", "nullptr", "null",
            "self", "async", "await", "struct", "fn", "func", "try", "catch", "except", "throw", "int", "bool",
            "foreach", "include", "namespace", "select from", "else if");

    /** The vocabulary of maths problems. */
    static final List<String> MATH_WORDS = List.of("equation", "equations", "solve", "integral", "derivative",
            "sum", "product", "prime", "primes", "probability", "matrix", "theorem", "polynomial", "compute",
            "calculate", "integer", "integers", "fraction", "remainder", "divisible", "digits", "triangle", "circle",
            "area", "radius", "angle", "perimeter", "volume", "ratio", "percent", "factor", "root", "roots",
            "real number", "real numbers", "common fraction", "simplest form", "how many", "greatest", "least",
            "expected value");

    /** Asking for a short answer: a letter, a word, no explanation. */
    static final List<String> SHORT_ANSWER_WORDS = List.of("briefly", "concise", "concisely", "one word",
            "one sentence", "without explanation", "only the", "just the", "yes or", "short answer",
            "single choice", "single word");

    /** Asking for a long answer: detail, an essay, a report. */
    static final List<String> LONG_ANSWER_WORDS = List.of("detailed", "essay", "thorough", "thoroughly",
            "comprehensive", "elaborate", "report", "in detail", "in depth", "at least", "long form");

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final int TABLE_BITS = 10;

    private static final long[] KEYS = new long[1 << TABLE_BITS];
    private static final int[] KINDS = new int[1 << TABLE_BITS];

    static {
        add(REASONING_WORDS, REASONING);
        add(SIMPLE_REQUEST_WORDS, SIMPLE_REQUEST);
        add(CODE_WORDS, CODE_WORD);
        add(CODE_KEYWORDS, CODE_KEYWORD);
        add(MATH_WORDS, MATH_WORD);
        add(SHORT_ANSWER_WORDS, SHORT_ANSWER);
        add(LONG_ANSWER_WORDS, LONG_ANSWER);
    }

    private MarkerWords() {
    }

    /** The hash of a word before its first letter. */
    static long start() {
        return FNV_OFFSET;
    }

    /** The hash extended by one lower-case letter. */
    static long extend(long hash, char lowerCase) {
        return (hash ^ lowerCase) * FNV_PRIME;
    }

    /** The key of a two-word phrase, from its words' hashes; order matters. */
    static long pair(long first, long second) {
        return extend(extend(first, ' ') ^ second, ' ') * FNV_PRIME;
    }

    /** The kinds (bits) of the word or phrase with this hash, 0 if it is no marker. */
    static int kinds(long key) {
        int mask = KEYS.length - 1;
        for (int slot = spread(key) & mask; ; slot = (slot + 1) & mask) {
            if (KINDS[slot] == 0) {
                return 0;
            }
            if (KEYS[slot] == key) {
                return KINDS[slot];
            }
        }
    }

    private static void add(List<String> phrases, int kind) {
        for (String phrase : phrases) {
            String[] words = phrase.toLowerCase(Locale.ROOT).split(" ");
            if (words.length > 2) {
                throw new IllegalArgumentException("marker phrases have one or two words: " + phrase);
            }
            long key = hash(words[0]);
            if (words.length == 2) {
                key = pair(key, hash(words[1]));
            }
            put(key, kind);
        }
    }

    private static long hash(String word) {
        long hash = start();
        for (int i = 0; i < word.length(); i++) {
            hash = extend(hash, word.charAt(i));
        }
        return hash;
    }

    private static void put(long key, int kind) {
        int mask = KEYS.length - 1;
        for (int slot = spread(key) & mask; ; slot = (slot + 1) & mask) {
            if (KINDS[slot] == 0) {
                KEYS[slot] = key;
                KINDS[slot] = kind;
                return;
            }
            if (KEYS[slot] == key) {
                KINDS[slot] |= kind;
                return;
            }
        }
    }

    private static int spread(long key) {
        return (int) (key ^ (key >>> 29) ^ (key >>> 47));
    }
}
