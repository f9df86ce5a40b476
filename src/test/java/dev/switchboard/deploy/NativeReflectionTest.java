package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The native executable has no reflection but what is registered at build time. Quarkus registers the
 * types of REST resource and REST client method signatures itself; the gateway also reads and writes JSON
 * with its own ObjectMapper (stream chunks, error bodies, the simulator's answers, stream events read from
 * providers), and those types would silently lose their fields in a native build. So every wire type is
 * registered: each class that carries a Jackson annotation, and every type Jackson reaches from one
 * through its properties, must be {@link RegisterForReflection} itself or nested in a class that is.
 */
class NativeReflectionTest {

    private static final String BASE = "dev.switchboard.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyWireTypeIsRegisteredForReflection() throws IOException {
        Set<String> unregistered = new TreeSet<>();
        for (Class<?> type : wireTypes()) {
            if (!registered(type)) {
                unregistered.add(type.getName());
            }
        }
        assertThat(unregistered).as("wire types the native executable could not read or write").isEmpty();
    }

    @Test
    void findsTheTypesJacksonWritesWithoutARestSignature() throws IOException {
        // Written by ChunkStream and the error mappers, read by the stream decoders: none is in a signature.
        assertThat(wireTypes()).extracting(Class::getName).contains("dev.switchboard.api.ChatCompletionChunk",
                "dev.switchboard.api.ChatCompletionChunk$Delta", "dev.switchboard.api.OpenAiError$Body",
                "dev.switchboard.api.OpenAiError", "dev.switchboard.provider.openai.OpenAiChatChunk",
                "dev.switchboard.provider.anthropic.AnthropicStreamEvent", "dev.switchboard.provider.gemini.GeminiResponse");
    }

    /** Classes with a Jackson annotation, the project's types Jackson reaches from them, and records nesting them. */
    private static Set<Class<?>> wireTypes() throws IOException {
        Set<Class<?>> found = new java.util.HashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>(projectClasses().stream().filter(NativeReflectionTest::hasJacksonAnnotation).toList());
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (!type.getName().startsWith(BASE) || type.isEnum() || type.isInterface() && !type.isSealed() || !found.add(type)) {
                continue;
            }
            if (type.isSealed()) {
                pending.addAll(Arrays.asList(type.getPermittedSubclasses()));
                continue;
            }
            if (type.getEnclosingClass() != null && type.getEnclosingClass().isRecord()) {
                pending.add(type.getEnclosingClass()); // the document its records are parts of
            }
            JavaType javaType = JSON.constructType(type);
            for (BeanPropertyDefinition property : JSON.getSerializationConfig().introspect(javaType).findProperties()) {
                pending.addAll(mentioned(property.getPrimaryType()));
            }
            for (BeanPropertyDefinition property : JSON.getDeserializationConfig().introspect(javaType).findProperties()) {
                pending.addAll(mentioned(property.getPrimaryType()));
            }
        }
        return found;
    }

    /** A property's type and its type parameters (List<Choice>, Map<String, Route>...), array elements included. */
    private static List<Class<?>> mentioned(JavaType type) {
        if (type == null) {
            return List.of();
        }
        List<Class<?>> classes = new java.util.ArrayList<>();
        classes.add(type.getRawClass());
        if (type.getContentType() != null) {
            classes.addAll(mentioned(type.getContentType()));
        }
        for (int i = 0; i < type.containedTypeCount(); i++) {
            classes.addAll(mentioned(type.containedType(i)));
        }
        return classes;
    }

    private static boolean registered(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            RegisterForReflection registration = c.getAnnotation(RegisterForReflection.class);
            if (registration != null && (c == type || !registration.ignoreNested())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasJacksonAnnotation(Class<?> type) {
        Stream<AnnotatedElement> elements = Stream.of(
                Stream.<AnnotatedElement>of(type),
                Arrays.stream(type.getDeclaredFields()),
                Arrays.stream(type.getDeclaredMethods()),
                Arrays.stream(type.getDeclaredConstructors()),
                Arrays.stream(type.getDeclaredConstructors()).flatMap(c -> Arrays.stream(c.getParameters())),
                type.isRecord() ? Arrays.stream(type.getRecordComponents()) : Stream.<AnnotatedElement>empty())
                .flatMap(s -> s);
        return elements.flatMap(e -> Arrays.stream(e.getAnnotations())).map(Annotation::annotationType)
                .anyMatch(a -> a.getPackageName().startsWith("com.fasterxml.jackson"));
    }

    private static List<Class<?>> projectClasses() throws IOException {
        Path classes = Path.of("target", "classes");
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class")).map(f -> classes.relativize(f).toString())
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .filter(name -> name.startsWith(BASE))
                    .<Class<?>>map(name -> {
                        try {
                            return Class.forName(name, false, NativeReflectionTest.class.getClassLoader());
                        } catch (ClassNotFoundException e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
        }
    }
}
