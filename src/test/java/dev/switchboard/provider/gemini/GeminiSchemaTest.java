package dev.switchboard.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.support.Fixtures;

/** One row per JSON Schema keyword: what Gemini's Schema makes of it, or why it refuses it. */
class GeminiSchemaTest {

    private static final String PATH = "tools[0].function.parameters";

    static Stream<Arguments> translated() {
        return Stream.of(
                arguments("type, lower case to Gemini's upper case",
                        "{'type':'object'}", "{'type':'OBJECT'}"),
                arguments("every JSON type but null",
                        "{'type':'object','properties':{'s':{'type':'string'},'n':{'type':'number'},"
                                + "'i':{'type':'integer'},'b':{'type':'boolean'},'a':{'type':'array'}}}",
                        "{'type':'OBJECT','properties':{'s':{'type':'STRING'},'n':{'type':'NUMBER'},"
                                + "'i':{'type':'INTEGER'},'b':{'type':'BOOLEAN'},'a':{'type':'ARRAY'}}}"),
                arguments("type [X, null] is X, nullable",
                        "{'type':['string','null']}", "{'type':'STRING','nullable':true}"),
                arguments("type [null, X] likewise",
                        "{'type':['null','integer']}", "{'type':'INTEGER','nullable':true}"),
                arguments("type as a one-element list", "{'type':['boolean']}", "{'type':'BOOLEAN'}"),
                arguments("nullable, OpenAPI's own", "{'type':'string','nullable':true}",
                        "{'type':'STRING','nullable':true}"),
                arguments("format", "{'type':'string','format':'date-time'}",
                        "{'type':'STRING','format':'date-time'}"),
                arguments("title and description", "{'type':'string','title':'City','description':'A city'}",
                        "{'type':'STRING','title':'City','description':'A city'}"),
                arguments("enum of strings", "{'type':'string','enum':['a','b']}",
                        "{'type':'STRING','enum':['a','b']}"),
                arguments("enum with null is nullable", "{'type':['string','null'],'enum':['a',null]}",
                        "{'type':'STRING','nullable':true,'enum':['a']}"),
                arguments("const string is a one-value enum", "{'type':'string','const':'fixed'}",
                        "{'type':'STRING','enum':['fixed']}"),
                arguments("minItems and maxItems", "{'type':'array','minItems':1,'maxItems':3}",
                        "{'type':'ARRAY','minItems':1,'maxItems':3}"),
                arguments("items, translated", "{'type':'array','items':{'type':'string'}}",
                        "{'type':'ARRAY','items':{'type':'STRING'}}"),
                arguments("properties, each translated, and required",
                        "{'type':'object','properties':{'x':{'type':['number','null']}},'required':['x']}",
                        "{'type':'OBJECT','properties':{'x':{'type':'NUMBER','nullable':true}},'required':['x']}"),
                arguments("minProperties and maxProperties", "{'type':'object','minProperties':1,'maxProperties':2}",
                        "{'type':'OBJECT','minProperties':1,'maxProperties':2}"),
                arguments("minLength, maxLength, pattern",
                        "{'type':'string','minLength':2,'maxLength':5,'pattern':'^[a-z]+$'}",
                        "{'type':'STRING','minLength':2,'maxLength':5,'pattern':'^[a-z]+$'}"),
                arguments("minimum and maximum", "{'type':'number','minimum':0,'maximum':1.5}",
                        "{'type':'NUMBER','minimum':0,'maximum':1.5}"),
                arguments("example and default", "{'type':'integer','example':3,'default':1}",
                        "{'type':'INTEGER','example':3,'default':1}"),
                arguments("propertyOrdering, Gemini's own",
                        "{'type':'object','properties':{'b':{'type':'string'}},'propertyOrdering':['b']}",
                        "{'type':'OBJECT','properties':{'b':{'type':'STRING'}},'propertyOrdering':['b']}"),
                arguments("anyOf, each branch translated",
                        "{'anyOf':[{'type':'string'},{'type':'integer'}]}",
                        "{'anyOf':[{'type':'STRING'},{'type':'INTEGER'}]}"),
                arguments("anyOf with a null branch is nullable; a lone branch takes its place",
                        "{'description':'maybe','anyOf':[{'type':'string'},{'type':'null'}]}",
                        "{'description':'maybe','nullable':true,'type':'STRING'}"),
                arguments("a lone branch that clashes with the schema around it stays an anyOf",
                        "{'description':'outer','anyOf':[{'type':'string','description':'inner'},{'type':'null'}]}",
                        "{'description':'outer','nullable':true,'anyOf':[{'type':'STRING','description':'inner'}]}"),
                arguments("$schema dropped", "{'$schema':'https://json-schema.org/draft/2020-12/schema','type':'object'}",
                        "{'type':'OBJECT'}"),
                arguments("$id and $comment dropped", "{'$id':'urn:x','$comment':'c','type':'object'}",
                        "{'type':'OBJECT'}"),
                arguments("additionalProperties: false dropped", "{'type':'object','additionalProperties':false}",
                        "{'type':'OBJECT'}"),
                arguments("unevaluatedProperties: false dropped", "{'type':'object','unevaluatedProperties':false}",
                        "{'type':'OBJECT'}"),
                arguments("uniqueItems: false dropped", "{'type':'array','uniqueItems':false}", "{'type':'ARRAY'}"),
                arguments("strict dropped", "{'type':'object','strict':true}", "{'type':'OBJECT'}"),
                arguments("examples dropped", "{'type':'string','examples':['a']}", "{'type':'STRING'}"),
                arguments("readOnly, writeOnly, deprecated dropped",
                        "{'type':'string','readOnly':true,'writeOnly':false,'deprecated':true}",
                        "{'type':'STRING'}"),
                arguments("an empty schema stays empty", "{}", "{}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("translated")
    void translates(String keyword, String schema, String expected) {
        assertThat(GeminiSchema.parameters(json(schema), PATH)).isEqualTo(json(expected));
        assertThat(GeminiSchema.rejection(json(schema), PATH)).isEmpty();
    }

    static Stream<Arguments> refused() {
        String cannot = "JSON Schema keyword '%s' cannot be translated for gemini";
        return Stream.of(
                arguments("$ref", "{'type':'object','properties':{'x':{'$ref':'#/$defs/x'}}}",
                        PATH + ".properties.x: " + cannot.formatted("$ref")),
                arguments("$defs", "{'type':'object','$defs':{'x':{'type':'string'}}}",
                        PATH + ": " + cannot.formatted("$defs")),
                arguments("definitions", "{'definitions':{}}", PATH + ": " + cannot.formatted("definitions")),
                arguments("oneOf", "{'type':'object','properties':{'x':{'oneOf':[{'type':'string'}]}}}",
                        PATH + ".properties.x: " + cannot.formatted("oneOf")),
                arguments("allOf", "{'allOf':[{'type':'string'}]}", PATH + ": " + cannot.formatted("allOf")),
                arguments("not", "{'not':{'type':'string'}}", PATH + ": " + cannot.formatted("not")),
                arguments("if", "{'if':{},'then':{},'else':{}}", PATH + ": " + cannot.formatted("if")),
                arguments("then", "{'then':{}}", PATH + ": " + cannot.formatted("then")),
                arguments("else", "{'else':{}}", PATH + ": " + cannot.formatted("else")),
                arguments("patternProperties", "{'type':'object','patternProperties':{'^x':{}}}",
                        PATH + ": " + cannot.formatted("patternProperties")),
                arguments("additionalProperties: true", "{'type':'object','additionalProperties':true}",
                        PATH + ": " + cannot.formatted("additionalProperties") + " (only false is translated)"),
                arguments("additionalProperties as a schema",
                        "{'type':'object','additionalProperties':{'type':'string'}}",
                        PATH + ": " + cannot.formatted("additionalProperties") + " (only false is translated)"),
                arguments("unevaluatedProperties as a schema", "{'unevaluatedProperties':{}}",
                        PATH + ": " + cannot.formatted("unevaluatedProperties") + " (only false is translated)"),
                arguments("uniqueItems: true", "{'type':'array','uniqueItems':true}",
                        PATH + ": " + cannot.formatted("uniqueItems") + " (only false is translated)"),
                arguments("propertyNames", "{'propertyNames':{'maxLength':3}}",
                        PATH + ": " + cannot.formatted("propertyNames")),
                arguments("dependentRequired", "{'dependentRequired':{'a':['b']}}",
                        PATH + ": " + cannot.formatted("dependentRequired")),
                arguments("prefixItems", "{'type':'array','prefixItems':[{'type':'string'}]}",
                        PATH + ": " + cannot.formatted("prefixItems")),
                arguments("items as a list (tuple)", "{'type':'array','items':[{'type':'string'}]}",
                        PATH + ": " + cannot.formatted("items") + " (only a single schema is translated)"),
                arguments("contains", "{'type':'array','contains':{'type':'string'}}",
                        PATH + ": " + cannot.formatted("contains")),
                arguments("exclusiveMinimum", "{'type':'number','exclusiveMinimum':0}",
                        PATH + ": " + cannot.formatted("exclusiveMinimum")),
                arguments("exclusiveMaximum", "{'type':'number','exclusiveMaximum':9}",
                        PATH + ": " + cannot.formatted("exclusiveMaximum")),
                arguments("multipleOf", "{'type':'integer','multipleOf':5}",
                        PATH + ": " + cannot.formatted("multipleOf")),
                arguments("a keyword Gemini does not know", "{'type':'string','x-widget':'select'}",
                        PATH + ": " + cannot.formatted("x-widget")),
                arguments("two types besides null", "{'type':['string','number']}",
                        PATH + ": " + cannot.formatted("type") + " (exactly one type besides null is translated)"),
                arguments("null alone", "{'type':'null'}",
                        PATH + ": " + cannot.formatted("type") + " (exactly one type besides null is translated)"),
                arguments("an unknown type", "{'type':'date'}",
                        PATH + ": " + cannot.formatted("type") + " (unknown type \"date\")"),
                arguments("enum with a number", "{'enum':['a',1]}",
                        PATH + ": " + cannot.formatted("enum") + " (only string values are translated)"),
                arguments("const that is not a string", "{'const':3}",
                        PATH + ": " + cannot.formatted("const") + " (only a string is translated)"),
                arguments("anyOf of nulls only", "{'anyOf':[{'type':'null'}]}",
                        PATH + ": " + cannot.formatted("anyOf") + " (every branch is null)"),
                arguments("a refusal inside anyOf names the branch",
                        "{'anyOf':[{'type':'string'},{'type':'object','properties':{'y':{'not':{}}}}]}",
                        PATH + ".anyOf[1].properties.y: " + cannot.formatted("not")),
                arguments("a refusal inside items names it", "{'type':'array','items':{'oneOf':[]}}",
                        PATH + ".items: " + cannot.formatted("oneOf")),
                arguments("a boolean schema", "{'type':'object','properties':{'x':true}}",
                        PATH + ".properties.x: a JSON Schema that is not an object cannot be translated for gemini"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses(String keyword, String schema, String reason) {
        assertThat(GeminiSchema.rejection(json(schema), PATH)).contains(reason);
        assertThatThrownBy(() -> GeminiSchema.parameters(json(schema), PATH))
                .isInstanceOf(GeminiSchema.Untranslatable.class).hasMessage(reason);
    }

    @Test
    void aResponseSchemaKeepsTheCallersPropertyOrderAtEveryLevel() {
        assertThat(GeminiSchema.response(json("{'type':'object','properties':{'z':{'type':'string'},"
                + "'a':{'type':'object','properties':{'y':{'type':'string'},'b':{'type':'string'}}}}}"), PATH))
                .isEqualTo(json("{'type':'OBJECT','properties':{'z':{'type':'STRING'},"
                        + "'a':{'type':'OBJECT','properties':{'y':{'type':'STRING'},'b':{'type':'STRING'}},"
                        + "'propertyOrdering':['y','b']}},'propertyOrdering':['z','a']}"));
    }

    @Test
    void translationLeavesTheCallersSchemaAlone() {
        JsonNode schema = json("{'type':['string','null'],'$schema':'x','anyOf':[{'type':'string'},{'type':'null'}]}");
        JsonNode copy = schema.deepCopy();
        GeminiSchema.response(schema, PATH);
        assertThat(schema).isEqualTo(copy);
    }

    /** Single quotes keep the rows readable; a schema never needs one. */
    private static JsonNode json(String text) {
        try {
            return Fixtures.JSON.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
