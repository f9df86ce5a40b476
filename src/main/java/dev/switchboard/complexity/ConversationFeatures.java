package dev.switchboard.complexity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.Role;

/**
 * The fixed feature vector the {@link LearnedClassifier} reads from a conversation, computed the same
 * way when the weights are trained (src/bench/classifier) and when a request is served, so the two
 * can never drift apart. The weights file names the features it was trained on, and loading refuses
 * a file whose list differs from {@link #NAMES}.
 *
 * <p>Everything comes from one pass over the end of the last user message, where the ask is, plus
 * the lengths and roles of the other messages: no regular expressions, no substring search per
 * phrase, no copy of the text. Marker words are hashed as they are read and looked up in
 * {@link MarkerWords}. Only the last {@link #SCAN_LIMIT} characters of the last user message are
 * read, so a pasted megabyte costs no more than a long prompt.
 */
public final class ConversationFeatures {

    /** The features, in the order of the vector. Counts are taken as {@code ln(1 + n)}, densities per character. */
    public enum Feature {
        /** Characters in the last user message (log): longer asks tend to be harder. */
        LAST_MESSAGE_CHARS,
        /** Characters in the whole conversation, instructions included (log). */
        CONVERSATION_CHARS,
        /** Characters after the last blank line of the last user message (log): in a few-shot prompt, the real question. */
        FINAL_PARAGRAPH_CHARS,
        /** Blank-line separated paragraphs in the last user message (log): worked examples, pasted context. */
        PARAGRAPHS,
        /** User turns before the last one (log): a conversation that went on. */
        EARLIER_TURNS,
        /** 1 when a system or developer message gives instructions. */
        INSTRUCTIONS,
        /** Code fences (three backticks) in the last user message (log). */
        CODE_FENCES,
        /** Braces, brackets and semicolons per character: code or data pasted in. */
        CODE_SYMBOLS,
        /** Programming-language keywords such as {@code def}, {@code return}, {@code public} (log). */
        CODE_KEYWORDS,
        /** Words about programming such as function, algorithm, debug, python (log). */
        CODE_WORDS,
        /** LaTeX commands, dollar signs, carets and maths symbols such as the integral sign (log). */
        MATH_NOTATION,
        /** Arithmetic and comparison operators per character. */
        OPERATORS,
        /** Digits per character. */
        DIGITS,
        /** The vocabulary of maths problems: solve, integer, probability, how many (log). */
        MATH_WORDS,
        /** Asking for an argument: why, explain, prove, compare, step by step, trade-offs (log). */
        REASONING_WORDS,
        /** Asking for a fact or a transformation: what is, define, translate, summarize (log). */
        SIMPLE_REQUEST_WORDS,
        /** 1 when the final paragraph asks a question (has a question mark). */
        QUESTION,
        /** Answer options in the final paragraph: lines starting {@code A)}, {@code B.}, {@code (C)} (log). */
        OPTIONS,
        /** 1 when the final paragraph has a blank to fill in: a lone {@code _} or a run of them. */
        BLANK,
        /**
         * 1 when a short answer is asked for: the words (one word, without explanation, briefly) or a
         * {@code max_tokens} of at most {@link #SHORT_ANSWER_TOKENS}.
         */
        SHORT_ANSWER,
        /**
         * 1 when a long answer is asked for in words (in detail, essay, comprehensive). A large
         * {@code max_tokens} does not count: callers set it as a ceiling, not as a wish.
         */
        LONG_ANSWER;

        /** The name used in the weights file. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The feature names in vector order, as the weights file lists them. */
    public static final List<String> NAMES = Arrays.stream(Feature.values()).map(Feature::key).toList();

    public static final int COUNT = NAMES.size();

    /** Characters read from the end of the last user message; the rest only counts towards its length. */
    public static final int SCAN_LIMIT = 8_192;

    /** A {@code max_tokens} this small means the caller wants a label, a number or a sentence. */
    public static final int SHORT_ANSWER_TOKENS = 64;

    private ConversationFeatures() {
    }

    /** The feature vector of a request. */
    public static double[] of(ChatRequest request) {
        double[] features = new double[COUNT];
        extract(request, features);
        return features;
    }

    /** Writes the feature vector of a request into {@code into} (length {@link #COUNT}). */
    public static void extract(ChatRequest request, double[] into) {
        List<ChatMessage> messages = request.messages();
        long conversationChars = 0;
        int userTurns = 0;
        boolean instructions = false;
        ChatMessage last = null;
        for (ChatMessage message : messages) {
            conversationChars += length(message);
            if (message.role() == Role.USER) {
                userTurns++;
                last = message;
            } else if (message.role().isInstruction()) {
                instructions = true;
            }
        }
        Scan scan = new Scan();
        long lastChars = last == null ? 0 : length(last);
        if (last != null) {
            scan.read(last.texts(), Math.max(0, lastChars - SCAN_LIMIT));
        }
        double scanned = Math.max(1, scan.chars);
        boolean shortLimit = request.maxTokens() != null && request.maxTokens() <= SHORT_ANSWER_TOKENS;

        set(into, Feature.LAST_MESSAGE_CHARS, log(lastChars));
        set(into, Feature.CONVERSATION_CHARS, log(conversationChars));
        set(into, Feature.FINAL_PARAGRAPH_CHARS, log(scan.finalParagraphChars));
        set(into, Feature.PARAGRAPHS, log(scan.paragraphs));
        set(into, Feature.EARLIER_TURNS, log(Math.max(0, userTurns - 1)));
        set(into, Feature.INSTRUCTIONS, instructions ? 1 : 0);
        set(into, Feature.CODE_FENCES, log(scan.fences));
        set(into, Feature.CODE_SYMBOLS, scan.codeSymbols / scanned);
        set(into, Feature.CODE_KEYWORDS, log(scan.words[bit(MarkerWords.CODE_KEYWORD)]));
        set(into, Feature.CODE_WORDS, log(scan.words[bit(MarkerWords.CODE_WORD)]));
        set(into, Feature.MATH_NOTATION, log(scan.mathNotation));
        set(into, Feature.OPERATORS, scan.operators / scanned);
        set(into, Feature.DIGITS, scan.digits / scanned);
        set(into, Feature.MATH_WORDS, log(scan.words[bit(MarkerWords.MATH_WORD)]));
        set(into, Feature.REASONING_WORDS, log(scan.words[bit(MarkerWords.REASONING)]));
        set(into, Feature.SIMPLE_REQUEST_WORDS, log(scan.words[bit(MarkerWords.SIMPLE_REQUEST)]));
        set(into, Feature.QUESTION, scan.finalQuestion ? 1 : 0);
        set(into, Feature.OPTIONS, log(scan.finalOptions));
        set(into, Feature.BLANK, scan.finalBlank ? 1 : 0);
        set(into, Feature.SHORT_ANSWER, shortLimit || scan.words[bit(MarkerWords.SHORT_ANSWER)] > 0 ? 1 : 0);
        set(into, Feature.LONG_ANSWER, scan.words[bit(MarkerWords.LONG_ANSWER)] > 0 ? 1 : 0);
    }

    private static void set(double[] into, Feature feature, double value) {
        into[feature.ordinal()] = value;
    }

    private static double log(long count) {
        return Math.log1p(count);
    }

    /** The message's length as {@link ChatMessage#text()} would be, without joining its parts. */
    private static long length(ChatMessage message) {
        long length = Math.max(0, message.texts().size() - 1);
        for (String part : message.texts()) {
            length += part.length();
        }
        return length;
    }

    private static int bit(int kind) {
        return Integer.numberOfTrailingZeros(kind);
    }

    /** Counters filled by one pass over text; the parts of a message are read as if joined by newlines. */
    private static final class Scan {
        private static final long NO_WORD = 0;

        // Character classes, looked up in a table for ASCII so the common case is one array read.
        private static final int LETTER = 1;
        private static final int DIGIT = 1 << 1;
        private static final int SPACE = 1 << 2;
        private static final int CODE_SYMBOL = 1 << 3;
        private static final int OPERATOR = 1 << 4;
        private static final int MATH_SYMBOL = 1 << 5;
        /** Characters that need a look beyond their class: ?, `, \\ and _. */
        private static final int SPECIAL = 1 << 6;
        /** Characters across which two words still form a phrase ("trade-offs", "step by step"). */
        private static final int JOINS_WORDS = 1 << 7;
        private static final int[] ASCII = new int[128];

        static {
            for (char c = 'a'; c <= 'z'; c++) {
                ASCII[c] = LETTER;
                ASCII[Character.toUpperCase(c)] = LETTER;
            }
            for (char c = '0'; c <= '9'; c++) {
                ASCII[c] = DIGIT;
            }
            for (char c : new char[] { ' ', '\t', '\n', '\r', '\f', 0x0b, 0x1c, 0x1d, 0x1e, 0x1f }) {
                ASCII[c] = SPACE;
            }
            ASCII[' '] |= JOINS_WORDS;
            ASCII['\t'] |= JOINS_WORDS;
            ASCII['-'] |= JOINS_WORDS;
            for (char c : "{}[];".toCharArray()) {
                ASCII[c] |= CODE_SYMBOL;
            }
            for (char c : "+*/=<>%".toCharArray()) {
                ASCII[c] |= OPERATOR;
            }
            for (char c : "$^".toCharArray()) {
                ASCII[c] |= MATH_SYMBOL;
            }
            for (char c : "?`\\_".toCharArray()) {
                ASCII[c] |= SPECIAL;
            }
        }

        long chars;
        long digits;
        long codeSymbols;
        long operators;
        long mathNotation;
        long fences;
        long paragraphs;
        final long[] words = new long[Integer.SIZE];

        long finalParagraphChars;
        /** Where the final paragraph started, in characters read. */
        private long finalParagraphStart;
        boolean finalQuestion;
        long finalOptions;
        boolean finalBlank;

        private boolean inParagraph;
        private boolean lineHasText;
        private boolean blankLineSeen;
        private int backticks;
        /** Whether the previous character was one {@link #special} must see the next character of. */
        private boolean afterSpecial;
        private char previous = '\n';
        private char beforeUnderscores;
        private long word = MarkerWords.start();
        private boolean inWord;
        private long previousWord = NO_WORD;
        /** Answer-option detection at the start of a line: see {@link #option(char, boolean)}. */
        private int optionState;

        void read(List<String> parts, long skip) {
            long position = 0;
            for (int p = 0; p < parts.size(); p++) {
                if (p > 0) {
                    if (position++ >= skip) {
                        accept('\n');
                    }
                }
                String part = parts.get(p);
                int from = (int) Math.max(0, Math.min(part.length(), skip - position));
                for (int i = from; i < part.length(); i++) {
                    accept(part.charAt(i));
                }
                position += part.length();
            }
            // A final newline ends the last word, blank and option; it is not part of the text.
            accept('\n');
            chars--;
            finalParagraphChars = inParagraph ? chars - finalParagraphStart : 0;
        }

        private void accept(char c) {
            chars++;
            int kind = c < 128 ? ASCII[c] : nonAscii(c);
            boolean space = (kind & SPACE) != 0;
            if (!space && (!inParagraph || blankLineSeen)) {
                startParagraph();
            }
            if ((kind & LETTER) != 0) {
                word = MarkerWords.extend(word, c < 128 ? (char) (c | 0x20) : Character.toLowerCase(c));
                inWord = true;
            } else {
                endWord(kind);
            }
            if ((kind & (DIGIT | CODE_SYMBOL | OPERATOR | MATH_SYMBOL)) != 0) {
                digits += (kind & DIGIT) != 0 ? 1 : 0;
                codeSymbols += (kind & CODE_SYMBOL) != 0 ? 1 : 0;
                operators += (kind & OPERATOR) != 0 ? 1 : 0;
                mathNotation += (kind & MATH_SYMBOL) != 0 ? 1 : 0;
            }
            if (optionState >= 0) {
                option(c, space);
            }
            if ((kind & SPECIAL) != 0 || afterSpecial) {
                afterSpecial = special(c, kind);
            }
            if (c == '\n') {
                blankLineSeen |= !lineHasText;
                lineHasText = false;
                optionState = 0;
            } else if (!space) {
                lineHasText = true;
            }
            previous = c;
        }

        private static int nonAscii(char c) {
            if (Character.isLetter(c)) {
                return LETTER;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return SPACE;
            }
            return switch (c) {
                case '∑', '∫', '√', 'π', '≤', '≥', '≠', '±', '×', '÷', '∞' -> MATH_SYMBOL;
                default -> 0;
            };
        }

        private void startParagraph() {
            paragraphs++;
            inParagraph = true;
            blankLineSeen = false;
            finalParagraphStart = chars - 1;
            finalQuestion = false;
            finalOptions = 0;
            finalBlank = false;
        }

        private void endWord(int kind) {
            if (inWord) {
                count(MarkerWords.kinds(word));
                if (previousWord != NO_WORD) {
                    count(MarkerWords.kinds(MarkerWords.pair(previousWord, word)));
                }
                previousWord = word;
                word = MarkerWords.start();
                inWord = false;
            }
            if ((kind & JOINS_WORDS) == 0) {
                previousWord = NO_WORD;
            }
        }

        private void count(int kinds) {
            while (kinds != 0) {
                words[Integer.numberOfTrailingZeros(kinds)]++;
                kinds &= kinds - 1;
            }
        }

        /**
         * Question marks, code fences, LaTeX commands and blanks to fill in; returns whether the next
         * character must be seen too (after a backslash, an underscore or a backtick).
         */
        private boolean special(char c, int kind) {
            if (c == '?') {
                finalQuestion = true;
            }
            if (previous == '\\' && (kind & LETTER) != 0) {
                mathNotation++;
            }
            backticks = c == '`' ? backticks + 1 : 0;
            if (backticks == 3) {
                fences++;
            }
            // A blank is a run of underscores with no letter or digit on either side.
            if (c == '_') {
                if (previous != '_') {
                    beforeUnderscores = previous;
                }
            } else if (previous == '_' && !Character.isLetterOrDigit(beforeUnderscores)
                    && (kind & (LETTER | DIGIT)) == 0) {
                finalBlank = true;
            }
            return c == '\\' || c == '_' || c == '`';
        }

        /**
         * States: 0 at the start of a line (leading blanks skipped), 1 after an option letter, 2 after
         * {@code (}, 3 after {@code (} and a letter, 4 after the letter's {@code )}, {@code .} or
         * {@code :}, -1 when this line is no option.
         */
        private void option(char c, boolean space) {
            switch (optionState) {
                case 0 -> optionState = space && c != '\n' ? 0 : c == '(' ? 2 : optionLetter(c) ? 1 : -1;
                case 1 -> optionState = c == ')' || c == '.' || c == ':' ? 4 : -1;
                case 2 -> optionState = optionLetter(c) ? 3 : -1;
                case 3 -> optionState = c == ')' ? 4 : -1;
                default -> {
                    if (space) {
                        finalOptions++;
                    }
                    optionState = -1;
                }
            }
        }

        private static boolean optionLetter(char c) {
            return c >= 'A' && c <= 'H';
        }
    }
}
